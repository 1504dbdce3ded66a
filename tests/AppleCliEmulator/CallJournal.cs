using System.Text.Json;

namespace AppleCliEmulator;

/// <summary>
/// An opt-in record of the CLI's invocations, so a test can prove which Apple verbs were used: when
/// <c>ACTR_APPLE_EMULATOR_CALL_LOG</c> names a file, every invocation of the CLI (not the hidden runtime helper) appends one
/// line to it, the argv as a JSON array of strings. Standard input is never recorded (a password given with
/// <c>registry login --password-stdin</c> stays out of it). .NET's <see cref="FileMode.Append"/> is a seek to the end and a
/// write, not O_APPEND, so concurrent CLIs could overwrite each other's line: each writer holds the file exclusively
/// (<see cref="FileShare.None"/>, an flock on Linux) while it appends, retrying for up to 10 s while another holds it.
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

        var bytes = System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(args) + "\n");
        using var stream = OpenExclusively(path);
        stream.Seek(0, SeekOrigin.End);
        stream.Write(bytes, 0, bytes.Length);
    }

    private static FileStream OpenExclusively(string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(5);
            }
        }
    }
}
