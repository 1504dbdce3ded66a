using System.Text;

namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>
/// A temporary <c>KEY=VALUE</c> file readable only by the current user (0600), for passing secrets to a CLI without
/// putting them on its argv. Disposing it deletes it; create it right before the call and dispose right after.
/// </summary>
internal sealed class EnvFile : IDisposable
{
    private EnvFile(string path) => Path = path;

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>Writes <paramref name="variables"/> to a new private file.</summary>
    public static EnvFile Create(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        foreach (var (name, value) in variables)
        {
            if (value.Contains('\n') || value.Contains('\r'))
            {
                throw new BridgeException(BridgeErrorCode.InvalidSpec, $"The value of '{name}' cannot contain a line break in an env file.") { Option = "environment" };
            }
        }

        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aspire-applecontainer-" + Environment.UserName);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var path = System.IO.Path.Combine(directory, $"env-{Guid.NewGuid():N}");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
        {
            foreach (var (name, value) in variables)
            {
                writer.Write(name);
                writer.Write('=');
                writer.Write(value);
                writer.Write('\n');
            }
        }

        return new EnvFile(path);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
