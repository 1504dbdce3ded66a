using AppleCliEmulator.Cli;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary>
/// <c>system start</c> (SystemStart.swift@1.2.2:75–164): registers the API server and waits for it. A restarted API server
/// loads every container as stopped with no startedDate and no networks (ContainersService.loadAtBoot,
/// ContainersService.swift@1.2.2:92–161, lines 135–141), so the run records are dropped. Its log lines go to stderr
/// (StderrLogHandler). Starting a registered server changes nothing.
/// </summary>
internal static class SystemStartVerb
{
    private static readonly OptionSpec[] Options =
    [
        OptionSpec.Option("--app-root", "app-root", "-a"), OptionSpec.Option("--install-root", "install-root"), OptionSpec.Option("--log-root", "log-root"),
        OptionSpec.Flag("--enable-kernel-install"), OptionSpec.Flag("--disable-kernel-install"), OptionSpec.Option("--timeout", "timeout"),
    ];

    public static int Run(EmulatorState state, string[] args)
    {
        _ = new ArgumentReader("system start", Options).Read(args);
        Console.Error.Write("Launching container-apiserver...\n");
        if (!state.ServiceRunning)
        {
            foreach (var container in state.Containers())
            {
                container.ClearRun();
            }

            File.Delete(state.ServiceStoppedMarker);
        }

        Console.Error.Write("Testing access to container-apiserver...\n");
        Console.Error.Write("Verifying machine API server is running...\n");
        return 0;
    }
}
