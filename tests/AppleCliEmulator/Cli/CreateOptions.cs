namespace AppleCliEmulator.Cli;

/// <summary>
/// The options of <c>create</c> and <c>run</c>: Flags.Process, Flags.Resource, Flags.Management (with Flags.DNS),
/// Flags.Registry and Flags.ImageFetch (Sources/Services/ContainerAPIService/Client/Flags.swift@1.2.2:33–429); <c>run</c>
/// adds Flags.Progress (ContainerRun.swift@1.2.2:50–51).
/// </summary>
internal static class CreateOptions
{
    public static readonly OptionSpec[] Create =
    [
        OptionSpec.Option("--env", "env", "-e"),
        OptionSpec.Option("--env-file", "env-file"),
        OptionSpec.Option("--gid", "gid"),
        OptionSpec.Flag("--interactive", "-i"),
        OptionSpec.Flag("--tty", "-t"),
        OptionSpec.Option("--user", "user", "-u"),
        OptionSpec.Option("--uid", "uid"),
        OptionSpec.Option("--workdir", "dir", "-w", "--cwd"),
        OptionSpec.Option("--ulimit", "limit"),
        OptionSpec.Option("--cpus", "cpus", "-c"),
        OptionSpec.Option("--memory", "memory", "-m"),
        OptionSpec.Option("--dns", "ip"),
        OptionSpec.Option("--dns-domain", "domain"),
        OptionSpec.Option("--dns-option", "option"),
        OptionSpec.Option("--dns-search", "domain"),
        OptionSpec.Option("--scheme", "scheme"),
        OptionSpec.Option("--arch", "arch", "-a"),
        OptionSpec.Option("--cap-add", "cap"),
        OptionSpec.Option("--cap-drop", "cap"),
        OptionSpec.Option("--cidfile", "cidfile"),
        OptionSpec.Flag("--detach", "-d"),
        OptionSpec.Option("--entrypoint", "cmd"),
        OptionSpec.Flag("--init"),
        OptionSpec.Option("--init-image", "image"),
        OptionSpec.Option("--kernel", "path", "-k"),
        OptionSpec.Option("--kernel-arg", "arg"),
        OptionSpec.Option("--label", "label", "-l"),
        OptionSpec.Option("--masked-path", "path"),
        OptionSpec.Option("--mount", "mount"),
        OptionSpec.Option("--name", "name"),
        OptionSpec.Option("--network", "network"),
        OptionSpec.Flag("--no-dns"),
        OptionSpec.Option("--os", "os"),
        OptionSpec.Option("--publish", "spec", "-p"),
        OptionSpec.Option("--platform", "platform"),
        OptionSpec.Option("--publish-socket", "spec"),
        OptionSpec.Flag("--read-only"),
        OptionSpec.Option("--read-only-path", "path"),
        OptionSpec.Flag("--rm", "--remove"),
        OptionSpec.Flag("--rosetta"),
        OptionSpec.Option("--runtime", "runtime"),
        OptionSpec.Flag("--ssh"),
        OptionSpec.Option("--shm-size", "shm-size"),
        OptionSpec.Option("--tmpfs", "tmpfs"),
        OptionSpec.Flag("--virtualization"),
        OptionSpec.Option("--volume", "volume", "-v"),
        OptionSpec.Option("--max-concurrent-downloads", "max-concurrent-downloads"),
    ];

    public static readonly OptionSpec[] Run = [.. Create, OptionSpec.Option("--progress", "type")];
}
