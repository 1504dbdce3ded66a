using System.Diagnostics;

namespace Aspire.Hosting.AppleContainer.TestSupport;

/// <summary>
/// Finds the Apple CLI emulator: <c>ACTR_APPLE_EMULATOR</c> when eng/test.sh built it already, otherwise
/// eng/apple-emulator.sh of the repository these tests were built from, which builds it when needed and prints its path.
/// </summary>
public static class AppleEmulatorLocator
{
    /// <summary>The environment variable eng/test.sh sets to the emulator it built.</summary>
    public const string Variable = "ACTR_APPLE_EMULATOR";

    private static readonly Lazy<string> Found = new(Find);

    /// <summary>The emulator's executable (named <c>container</c>).</summary>
    public static string Path => Found.Value;

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } built && File.Exists(built))
        {
            return built;
        }

        var script = RepositoryFile("eng/apple-emulator.sh")
            ?? throw new InvalidOperationException($"eng/apple-emulator.sh was not found above {AppContext.BaseDirectory}; set {Variable}.");
        var startInfo = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("eng/apple-emulator.sh did not finish within 5 minutes.");
        }

        var path = output.Result.Trim();
        return process.ExitCode == 0 && File.Exists(path)
            ? path
            : throw new InvalidOperationException($"eng/apple-emulator.sh failed ({process.ExitCode}): {error.Result}");
    }

    /// <summary>The file at <paramref name="relativePath"/> in the first directory above the test assembly that has it.</summary>
    public static string? RepositoryFile(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
