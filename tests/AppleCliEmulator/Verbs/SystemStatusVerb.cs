using System.Text.Json.Nodes;
using AppleCliEmulator.Cli;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Json;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary>
/// <c>system status [--format json]</c> (SystemStatus.swift@1.2.2:73–104): while the API server is registered, PrintableStatus
/// with the health check's appRoot/installRoot (directory URLs, trailing slash), <c>container-apiserver version …</c>, the
/// full commit, build and app name; once <c>system stop</c> deregistered it, <c>status: unregistered</c> (the table says
/// "apiserver is not running and not registered with launchd") and exit 1. logRoot is unset, so absent.
/// </summary>
internal static class SystemStatusVerb
{
    private static readonly OptionSpec[] Options = [OptionSpec.Option("--prefix", "prefix", "-p"), OptionSpec.Option("--format", "format")];

    public static int Run(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("system status", Options).Read(args);
        var format = ListFormat.Parse(parsed, "system status");
        if (!state.ServiceRunning)
        {
            Print(format, Status("unregistered", string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty), "apiserver is not running and not registered with launchd");
            throw CliFailure.Exit(1);
        }

        var status = Status("running", $"{state.Root}/", $"{InstallRoot.Path.TrimEnd('/')}/", ReleaseVersion.SingleLine("container-apiserver"), ReleaseVersion.Commit, "release", "container-apiserver");
        var table = ListFormat.Table(
        [
            ["FIELD", "VALUE"], ["status", "running"], ["appRoot", $"{state.Root}/"], ["installRoot", $"{InstallRoot.Path.TrimEnd('/')}/"], ["logRoot", string.Empty],
            ["apiserver.version", ReleaseVersion.SingleLine("container-apiserver")], ["apiserver.commit", ReleaseVersion.Commit], ["apiserver.build", "release"], ["apiserver.appName", "container-apiserver"],
        ]);
        Print(format, status, table);
        return 0;
    }

    private static JsonObject Status(string status, string appRoot, string installRoot, string version, string commit, string build, string appName) => new()
    {
        ["apiServerAppName"] = appName,
        ["apiServerBuild"] = build,
        ["apiServerCommit"] = commit,
        ["apiServerVersion"] = version,
        ["appRoot"] = appRoot,
        ["installRoot"] = installRoot,
        ["status"] = status,
    };

    private static void Print(string format, JsonObject status, string table) =>
        Console.Out.WriteLine(format == "json" ? SwiftJson.Compact(status) : table);
}
