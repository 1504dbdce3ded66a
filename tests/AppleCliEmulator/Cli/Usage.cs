using AppleCliEmulator.Errors;

namespace AppleCliEmulator.Cli;

/// <summary>
/// The usage block swift-argument-parser prints under a validation error (MessageInfo.swift@1.8.2:82–93, 160–172): a
/// <c>Usage:</c> line and <c>  See 'container &lt;verb&gt; --help' for more information.</c>. The synopses are written by
/// hand from each command's options (ArgumentParser's HelpGenerator is not reproduced), so their option lists are an
/// approximation; the shape, the exit code 64 and the message line are exact.
/// </summary>
internal static class Usage
{
    private static readonly Dictionary<string, string> Synopses = new(StringComparer.Ordinal)
    {
        [""] = "container [--debug] <subcommand>",
        ["create"] = "container create [<options>] <image> [<arguments> ...]",
        ["run"] = "container run [<options>] <image> [<arguments> ...]",
        ["start"] = "container start [--attach] [--interactive] [--debug] <container-id>",
        ["stop"] = "container stop [--all] [--signal <signal>] [--time <time>] [--debug] [<container-ids> ...]",
        ["kill"] = "container kill [--all] [--signal <signal>] [--debug] [<container-ids> ...]",
        ["delete"] = "container delete [--all] [--force] [--debug] [<container-ids> ...]",
        ["list"] = "container list [--all] [--format <format>] [--quiet] [--debug]",
        ["inspect"] = "container inspect [--debug] <container-ids> ...",
        ["logs"] = "container logs [--boot] [--follow] [-n <n>] [--debug] <container-id>",
        ["exec"] = "container exec [<options>] <container-id> <arguments> ...",
        ["build"] = "container build [<options>] [<context-dir>]",
        ["image inspect"] = "container image inspect [--debug] <images> ...",
        ["image pull"] = "container image pull [<options>] <reference>",
        ["image push"] = "container image push [<options>] <reference>",
        ["image delete"] = "container image delete [--all] [--force] [--debug] [<images> ...]",
        ["image tag"] = "container image tag <source> <target> [--debug]",
        ["image list"] = "container image list [--format <format>] [--quiet] [--verbose] [--debug]",
        ["image save"] = "container image save [--arch <arch>] [--os <os>] [--output <output>] [--platform <platform>] [--debug] <references> ...",
        ["image load"] = "container image load [--input <input>] [--force] [--debug]",
        ["registry login"] = "container registry login [--scheme <scheme>] [--password-stdin] [--username <username>] [--debug] <server>",
        ["registry logout"] = "container registry logout [--debug] <registry>",
        ["volume create"] = "container volume create [--label <label> ...] [--opt <opt> ...] [-s <s>] [--debug] <name>",
        ["volume delete"] = "container volume delete [--all] [--debug] [<names> ...]",
        ["volume list"] = "container volume list [--format <format>] [--quiet] [--debug]",
        ["volume inspect"] = "container volume inspect [--debug] <names> ...",
        ["network inspect"] = "container network inspect <networks> ... [--debug]",
        ["network list"] = "container network list [--format <format>] [--quiet] [--debug]",
        ["system status"] = "container system status [--prefix <prefix>] [--format <format>] [--debug]",
        ["system start"] = "container system start [<options>]",
        ["system stop"] = "container system stop [--prefix <prefix>] [--debug]",
        ["builder status"] = "container builder status [--format <format>] [--quiet] [--debug]",
        ["builder start"] = "container builder start [<options>]",
        ["builder stop"] = "container builder stop [--debug]",
    };

    public static string For(string verb) =>
        $"Usage: {Synopses.GetValueOrDefault(verb, $"container {verb} [<options>]")}\n  See '{(verb.Length == 0 ? "container" : $"container {verb}")} --help' for more information.";

    public static CliFailure Failure(string verb, string message) => CliFailure.ValidationError(message, For(verb));
}
