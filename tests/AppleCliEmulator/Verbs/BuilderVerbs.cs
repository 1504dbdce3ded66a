using System.Text.Json.Nodes;
using AppleCliEmulator.Cli;
using AppleCliEmulator.Containers;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Service;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary>
/// <c>builder status [--format json] [-q]</c> (BuilderStatus.swift@1.2.2:44–64: <c>[ManagedContainer]</c> of buildkit, <c>[]</c>
/// when there is none), <c>builder start</c> (BuilderStart.swift@1.2.2:57–81) and <c>builder stop</c>.
/// </summary>
internal static class BuilderVerbs
{
    public static int Status(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("builder status", [OptionSpec.Option("--format", "format"), OptionSpec.Flag("--quiet", "-q")]).Read(args);
        var format = ListFormat.Parse(parsed, "builder status");
        ServiceGate.RequireList(state);
        var record = state.Container(BuilderContainer.Id);
        if (!record.Exists)
        {
            if (format == "json")
            {
                Console.Out.WriteLine("[]");
            }
            else if (!parsed.Has("--quiet"))
            {
                Console.Out.WriteLine("builder is not running");
            }

            return 0;
        }

        var status = record.Status();
        var container = ManagedContainerJson.Of(record, status);
        var row = new[] { BuilderContainer.Id, BuilderContainer.Image, status.State, string.Empty, "2", "2048 MB" };
        if (format == "table" && parsed.Has("--quiet") && !status.IsRunning)
        {
            return 0;
        }

        ListFormat.Emit(format, new JsonArray(container), ["ID", "IMAGE", "STATE", "IP", "CPUS", "MEMORY"], [row], parsed.Has("--quiet"));
        return 0;
    }

    public static int Start(EmulatorState state, string[] args)
    {
        _ = new ArgumentReader("builder start", [OptionSpec.Option("--cpus", "cpus", "-c"), OptionSpec.Option("--memory", "memory", "-m"), OptionSpec.Option("--dns", "ip"), OptionSpec.Option("--dns-domain", "domain"), OptionSpec.Option("--dns-option", "option"), OptionSpec.Option("--dns-search", "domain")]).Read(args);
        ServiceGate.RequireHealth(state);
        BuilderContainer.Start(state);
        return 0;
    }

    public static int Stop(EmulatorState state, string[] args)
    {
        _ = new ArgumentReader("builder stop", []).Read(args);
        ServiceGate.RequireList(state);
        var record = state.Container(BuilderContainer.Id);
        if (record.Exists)
        {
            ContainerStopper.Stop(record, 5, null);
        }

        return 0;
    }
}
