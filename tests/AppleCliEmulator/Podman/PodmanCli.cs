using System.Diagnostics;
using System.Text;

namespace AppleCliEmulator.Podman;

/// <summary>Runs podman (argv only, never a shell string) and captures what it prints.</summary>
internal static class PodmanCli
{
    public static string Executable { get; } = Environment.GetEnvironmentVariable("ACTR_APPLE_EMULATOR_PODMAN") is { Length: > 0 } path ? path : "podman";

    public static PodmanResult Run(params IReadOnlyList<string> arguments) => Run(arguments, standardInput: null);

    public static PodmanResult Run(IReadOnlyList<string> arguments, string? standardInput)
    {
        using var process = Start(arguments, redirectInput: standardInput is not null);
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
        }

        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new PodmanResult(process.ExitCode, output, error.GetAwaiter().GetResult());
    }

    /// <summary>Runs podman and throws an internal error with its stderr when it fails.</summary>
    public static string Check(params IReadOnlyList<string> arguments)
    {
        var result = Run(arguments);
        return result.ExitCode == 0 ? result.Output : throw new PodmanException(arguments, result);
    }

    public static Process Start(IReadOnlyList<string> arguments, bool redirectInput = false, bool redirectOutput = true)
    {
        var start = new ProcessStartInfo(Executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = redirectOutput,
            RedirectStandardError = redirectOutput,
            RedirectStandardInput = redirectInput,
            StandardOutputEncoding = redirectOutput ? Encoding.UTF8 : null,
            StandardErrorEncoding = redirectOutput ? Encoding.UTF8 : null,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("podman did not start");
    }

    /// <summary>Whether the podman container <paramref name="name"/> runs (one inspect).</summary>
    public static bool IsRunning(string name) =>
        Run("container", "inspect", "--format", "{{.State.Running}}", name) is { ExitCode: 0 } result && result.Output.Trim() == "true";
}
