using System.Diagnostics;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Runtime;

/// <summary>
/// Starts a <see cref="RuntimeHelper"/> through <c>setsid -f</c>: it runs in a new session, is re-parented at once (so no
/// terminal signal and no kill of the caller's process tree reaches it) and answers on its stdout with one line,
/// <c>ok</c> once the container runs or <c>error &lt;message&gt;|&lt;code&gt;</c>, before it moves its stdio to /dev/null.
/// </summary>
internal static class HelperLauncher
{
    /// <summary>Launches the helper and waits for its answer: null when the container started, else the failure line.</summary>
    public static string? Launch(ContainerRecord record, string token, string? sessionDirectory)
    {
        var start = new ProcessStartInfo(File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : "setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-f", Environment.ProcessPath!, RuntimeHelper.Mode, record.State.Root, record.Id, token, sessionDirectory ?? "-" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[EmulatorState.StateVariable] = record.State.Root;
        using var launcher = Process.Start(start) ?? throw new InvalidOperationException("setsid did not start");
        launcher.StandardInput.Close();
        var errors = launcher.StandardError.ReadToEndAsync();
        var line = launcher.StandardOutput.ReadLine();
        launcher.WaitForExit();
        if (line == "ok")
        {
            return null;
        }

        return line is { } failure && failure.StartsWith("error ", StringComparison.Ordinal)
            ? failure["error ".Length..]
            : $"the runtime helper ended without starting the container: {errors.GetAwaiter().GetResult().Trim()}|internalError";
    }
}
