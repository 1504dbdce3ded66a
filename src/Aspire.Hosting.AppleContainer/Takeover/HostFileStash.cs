using System.Text;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Takeover;

/// <summary>
/// A <see cref="ContainerFile"/> with binary contents (a PFX, a binary trust store), which DCP receives base64-encoded
/// (<c>RawContents</c>) but Aspire's item type carries only as text or as a host file: text stays
/// <see cref="ContainerFileBase.Contents"/>; anything else is written to a file only this user can read, in a
/// directory only this user can open, removed when the process exits, and passed as
/// <see cref="ContainerFileBase.SourcePath"/>.
/// </summary>
internal static class HostFileStash
{
    private static readonly Lazy<string> s_directory = new(CreateDirectory);

    /// <summary>A file named <paramref name="name"/> with <paramref name="contents"/>.</summary>
    public static ContainerFile File(string name, byte[] contents)
    {
        if (contents.AsSpan().IndexOf((byte)0) < 0 && IsUtf8(contents))
        {
            return new ContainerFile { Name = name, Contents = Encoding.UTF8.GetString(contents) };
        }

        var path = Path.Combine(s_directory.Value, $"{Guid.NewGuid():N}-{Path.GetFileName(name)}");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        {
            stream.Write(contents);
        }

        return new ContainerFile { Name = name, SourcePath = path };
    }

    private static bool IsUtf8(byte[] contents)
    {
        try
        {
            _ = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(contents);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static string CreateDirectory()
    {
        // Created 0700 on Unix.
        var directory = Directory.CreateTempSubdirectory("aspire-applecontainer-files-");

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                directory.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the temporary directory is the system's to clean then.
            }
            catch (UnauthorizedAccessException)
            {
                // As above.
            }
        };
        return directory.FullName;
    }
}
