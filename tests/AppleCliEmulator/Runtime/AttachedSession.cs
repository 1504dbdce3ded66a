using AppleCliEmulator.Native;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Runtime;

/// <summary>
/// The attached CLI's side of a session: creates the FIFOs and opens their read ends before the helper starts (so the
/// helper's blocking opens succeed), and removes the session when done.
/// </summary>
internal sealed class AttachedSession : IDisposable
{
    private AttachedSession(AttachSessionFiles files, FileStream standardOutput, FileStream standardError)
    {
        Files = files;
        StandardOutput = standardOutput;
        StandardError = standardError;
    }

    public AttachSessionFiles Files { get; }

    public FileStream StandardOutput { get; }

    public FileStream StandardError { get; }

    public static AttachedSession Create(EmulatorState state, string token)
    {
        var files = new AttachSessionFiles(Path.Combine(state.SessionsDirectory, token));
        Directory.CreateDirectory(files.Directory);
        File.WriteAllText(files.OwnerPath, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var fifo in new[] { files.StandardOutput, files.StandardError })
        {
            if (Posix.MkFifo(fifo, Convert.ToUInt32("600", 8)) != 0)
            {
                throw new IOException($"mkfifo {fifo} failed");
            }
        }

        var standardOutput = Posix.OpenOrThrow(files.StandardOutput, Posix.ORdOnly | Posix.ONonBlock);
        var standardError = Posix.OpenOrThrow(files.StandardError, Posix.ORdOnly | Posix.ONonBlock);
        Posix.MakeBlocking(standardOutput);
        Posix.MakeBlocking(standardError);
        return new AttachedSession(files, FdStream.Wrap(standardOutput, FileAccess.Read), FdStream.Wrap(standardError, FileAccess.Read));
    }

    public void Dispose()
    {
        StandardOutput.Dispose();
        StandardError.Dispose();
        try
        {
            Directory.Delete(Files.Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
