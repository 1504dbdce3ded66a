using System.Text;

namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>Build secrets as 0600 files in a private directory, one per id, deleted on dispose.</summary>
internal sealed class SecretFiles : IDisposable
{
    private readonly string? _directory;

    private SecretFiles(string? directory, IReadOnlyDictionary<string, string> paths)
    {
        _directory = directory;
        Paths = paths;
    }

    /// <summary>The file of each secret id.</summary>
    public IReadOnlyDictionary<string, string> Paths { get; }

    public static SecretFiles Create(IReadOnlyDictionary<string, string> secrets)
    {
        if (secrets.Count == 0)
        {
            return new SecretFiles(null, new Dictionary<string, string>());
        }

        var directory = Path.Combine(Path.GetTempPath(), $"aspire-applecontainer-secrets-{Guid.NewGuid():N}");
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new SecretFiles(directory, paths);
        try
        {
            var index = 0;
            foreach (var (id, value) in secrets)
            {
                if (id.IndexOfAny([',', '=', '"', '\n']) >= 0 || id.Length == 0)
                {
                    throw new BridgeException(BridgeErrorCode.InvalidSpec, $"The build secret id '{id}' cannot be empty or contain ',', '=', '\"' or a line break.") { Option = "secret" };
                }

                var path = Path.Combine(directory, $"secret-{index++}");
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using (var stream = new FileStream(path, options))
                {
                    stream.Write(new UTF8Encoding(false).GetBytes(value));
                }

                paths[id] = path;
            }

            return files;
        }
        catch
        {
            files.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_directory is null)
        {
            return;
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
