namespace AppleCliEmulator.Runtime;

/// <summary>
/// RuntimeService's MultiWriter (Sources/Services/RuntimeLinux/Server/RuntimeService.swift@1.2.2:243–256, 1502–1520): each
/// chunk of a stream goes to [the attached CLI's pipe for that stream, if any, then the container log], in that order, and
/// a failing handle throws before the log is written. LinuxProcess.swift@0.40.1:161–196 logs that error and drops the
/// chunk, and keeps relaying: once an attached reader is gone every later chunk fails the same way, so the log stops
/// growing. A pipe whose reader stops reading blocks the write, and with it the relay.
/// </summary>
internal sealed class MultiWriter(Stream? standardOutput, Stream? standardError, Stream log)
{
    public void Write(int stream, byte[] chunk)
    {
        var attached = stream == 2 ? standardError : standardOutput;
        try
        {
            attached?.Write(chunk);
            log.Write(chunk);
            log.Flush();
        }
        catch (IOException)
        {
            // "failed to write to stdout/stderr": the chunk is dropped (LinuxProcess.swift@0.40.1:176–178, 193–195).
        }
    }
}
