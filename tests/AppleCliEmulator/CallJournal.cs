using System.Text.Json;

namespace AppleCliEmulator;

/// <summary>
/// An opt-in record of the CLI's invocations, so a test can prove which Apple verbs were used: when
/// <c>ACTR_APPLE_EMULATOR_CALL_LOG</c> names a file, every invocation of the CLI (not the hidden runtime helper) appends one
/// line to it, the argv as a JSON array of strings. Standard input is never recorded (a password given with
/// <c>registry login --password-stdin</c> stays out of it). Appends of one short line are atomic on Linux (O_APPEND), so
/// concurrent CLIs do not interleave.
/// </summary>
internal static class CallJournal
{
    public const string Variable = "ACTR_APPLE_EMULATOR_CALL_LOG";

    public static void Record(string[] args)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } path)
        {
            return;
        }

        var line = JsonSerializer.Serialize(args) + "\n";
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        var bytes = System.Text.Encoding.UTF8.GetBytes(line);
        stream.Write(bytes, 0, bytes.Length);
    }
}
