using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Aspire.Hosting.AppleContainer.Tests.Support;

/// <summary>
/// One run of tests/TestAppHosts/…PublishAppHost as a user runs it, <c>dotnet run -- --operation publish --step push</c>
/// (the switches of DistributedApplicationBuilder@13.6.5), on one <see cref="TestRuntime"/>, with its output kept. The
/// images the run built, tagged and loaded are read back from its log, so that the test removes every one of them.
/// </summary>
internal sealed partial class PublishAppHostRun
{
    private PublishAppHostRun(int exitCode, string output) => (ExitCode, Output) = (exitCode, output);

    /// <summary>The AppHost's exit code.</summary>
    public int ExitCode { get; }

    /// <summary>Everything it printed (stdout and stderr).</summary>
    public string Output { get; }

    /// <summary>Every image reference the run left in the runtime's store: built, tagged (both names) or loaded.</summary>
    public IReadOnlyList<string> Images =>
        [.. ImageLines().Matches(Output).SelectMany(m => m.Groups.Values.Skip(1).Where(g => g.Success).SelectMany(g => g.Value.Split(", ")).Select(v => v.Trim())).Distinct()];

    /// <summary>Runs the AppHost (built with the tests) and waits at most <paramref name="timeout"/>.</summary>
    public static async Task<PublishAppHostRun> RunAsync(TestRuntime runtime, IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var metadata = typeof(PublishAppHostRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToList();
        var project = metadata.Single(a => a.Key == "PublishAppHostProject").Value!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "run", "--no-build", "--no-launch-profile", "--project", project, "--", "--operation", "publish", "--step", "push" })
        {
            start.ArgumentList.Add(argument);
        }

        runtime.Configure(start.Environment);
        if (metadata.SingleOrDefault(a => a.Key == "ArtifactsPath")?.Value is { Length: > 0 } artifactsPath)
        {
            // `dotnet run --no-build` finds the output of an artifacts-path build only so.
            start.Environment["ArtifactsPath"] = artifactsPath;
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var output = new System.Text.StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"The publish AppHost did not finish within {timeout}. Output:\n{Text(output)}");
        }

        process.WaitForExit();
        return new PublishAppHostRun(process.ExitCode, Text(output));
    }

    private static void Append(System.Text.StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Text(System.Text.StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    // BridgePublishRuntime's and AppleProjectImageManager's log lines.
    [GeneratedRegex(@"build for (\S+) succeeded|tag for (\S+) -> (\S+) succeeded|loaded (.+) from the archive of")]
    private static partial Regex ImageLines();
}
