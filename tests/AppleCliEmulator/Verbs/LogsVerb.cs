using System.Text;
using AppleCliEmulator.Cli;
using AppleCliEmulator.Containers;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Service;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary>
/// <c>logs [--follow] [-n N] [--boot] id</c> (ContainerLogs.swift@1.2.2:48–140) on the container log (stdout and stderr
/// merged). Without <c>-n</c> the whole file is printed trimmed of leading and trailing newline characters (nothing for an
/// empty file); with <c>-n</c> the file is read backwards in 1 KiB blocks until it holds N non-empty lines (split on every
/// newline character) and the last N are printed; <c>--follow</c> then reads new data as it comes, prints each non-empty
/// piece between newlines on its own line (lines 112–139), seeks to the end when a read is empty, and never ends.
/// </summary>
internal static class LogsVerb
{
    private static readonly OptionSpec[] Options = [OptionSpec.Flag("--boot"), OptionSpec.Flag("--follow", "-f"), OptionSpec.Option("-n", "n")];

    public static int Run(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("logs", Options).Read(args);
        var id = Positionals.Single(parsed, "logs", "<container-id>");
        int? lines = parsed.Value("-n") is { } n
            ? int.TryParse(n, out var count) ? count : throw Usage.Failure("logs", $"The value '{n}' is invalid for '-n <n>'")
            : null;
        ServiceGate.Require(state, XpcErrors.Wrapped($"failed to get logs for container {id}"));
        var record = state.Container(id);
        var path = parsed.Has("--boot") ? Path.Combine(record.Directory, "vminitd.log") : record.LogPath;
        FileStream log;
        try
        {
            if (!record.Exists)
            {
                throw new FileNotFoundException();
            }

            log = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (FileNotFoundException)
        {
            // ContainersService.logs wraps the lookup failure or the NSError of FileHandle(forReadingFrom:) (lines 749–762);
            // the client wraps again (ContainerClient.swift@1.2.2:268–289). The NSError text is not in the sources.
            SwiftError inner = record.Exists
                ? new TextError($"Error Domain=NSCocoaErrorDomain Code=4 \"The file “{Path.GetFileName(path)}” couldn’t be opened because there is no such file.\"")
                : ContainerizationError.NotFound($"container with ID {id} not found");
            var server = ContainerizationError.Internal($"failed to open container logs: {inner.Describing}");
            throw CliFailure.Of(ContainerizationError.Internal($"failed to get logs for container {id}", server));
        }

        using (log)
        {
            var stdout = Console.OpenStandardOutput();
            if (lines is { } last)
            {
                foreach (var line in Tail(log, last))
                {
                    Write(stdout, line + "\n");
                }
            }
            else
            {
                var bytes = new byte[log.Length];
                log.ReadExactly(bytes);
                if (bytes.Length > 0)
                {
                    Write(stdout, NewlineCharacters.Trim(Encoding.UTF8.GetString(bytes)) + "\n");
                }
            }

            if (parsed.Has("--follow"))
            {
                Follow(log, stdout);
            }
        }

        return 0;
    }

    private static List<string> Tail(FileStream log, int n)
    {
        var size = log.Seek(0, SeekOrigin.End);
        var offset = size;
        var buffer = new List<byte>();
        var lines = new List<string>();
        while (offset > 0 && lines.Count < n)
        {
            var readSize = (int)Math.Min(1024, offset);
            offset -= readSize;
            log.Seek(offset, SeekOrigin.Begin);
            var data = new byte[readSize];
            log.ReadExactly(data);
            buffer.InsertRange(0, data);
            if (TryDecode([.. buffer]) is { } chunk)
            {
                lines = [.. chunk.Split(NewlineCharacters.All).Where(l => l.Length > 0)];
            }
        }

        log.Seek(0, SeekOrigin.End);
        return lines.Count > n ? lines[^n..] : lines;
    }

    private static void Follow(FileStream log, Stream stdout)
    {
        log.Seek(0, SeekOrigin.End);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var read = log.Read(buffer, 0, buffer.Length);
            if (read == 0)
            {
                // An empty read: seek to the end (a truncated log, after a restart, continues from its new end).
                log.Seek(0, SeekOrigin.End);
                Thread.Sleep(20);
                continue;
            }

            if (TryDecode(buffer[..read]) is { } text)
            {
                foreach (var line in text.Split(NewlineCharacters.All).Where(l => l.Length > 0))
                {
                    Write(stdout, line + "\n");
                }
            }
        }
    }

    private static string? TryDecode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static void Write(Stream stdout, string text)
    {
        stdout.Write(Encoding.UTF8.GetBytes(text));
        stdout.Flush();
    }
}
