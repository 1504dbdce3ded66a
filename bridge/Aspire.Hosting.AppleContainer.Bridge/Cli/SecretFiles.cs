using System.Text;

namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>
/// Build secrets as 0600 files in a private directory, one per id, deleted on dispose; with the files the caller
/// named for file secrets, which are checked and passed as they are.
/// </summary>
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

    public static SecretFiles Create(IReadOnlyDictionary<string, string> secrets) => Create(secrets, new Dictionary<string, string>());

    /// <summary>
    /// Writes <paramref name="secrets"/> to files and adds the caller's <paramref name="files"/> (id → path): a path
    /// must be an existing file, without ',' (the runtimes read <c>--secret</c> as comma-separated fields).
    /// </summary>
    public static SecretFiles Create(IReadOnlyDictionary<string, string> secrets, IReadOnlyDictionary<string, string> files)
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, path) in files)
        {
            ValidateId(id);
            if (path.IndexOfAny([',', '\n']) >= 0 || !File.Exists(path))
            {
                throw new BridgeException(BridgeErrorCode.InvalidSpec, $"The build secret '{id}' names '{path}', which is not an existing file or contains ',' or a line break.") { Option = "secret" };
            }

            named[id] = Path.GetFullPath(path);
        }

        if (secrets.Count == 0)
        {
            return new SecretFiles(null, named);
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

        var paths = new Dictionary<string, string>(named, StringComparer.Ordinal);
        var written = new SecretFiles(directory, paths);
        try
        {
            var index = 0;
            foreach (var (id, value) in secrets)
            {
                ValidateId(id);

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

            return written;
        }
        catch
        {
            written.Dispose();
            throw;
        }
    }

    private static void ValidateId(string id)
    {
        if (id.IndexOfAny([',', '=', '"', '\n']) >= 0 || id.Length == 0)
        {
            throw new BridgeException(BridgeErrorCode.InvalidSpec, $"The build secret id '{id}' cannot be empty or contain ',', '=', '\"' or a line break.") { Option = "secret" };
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
