using AppleCliEmulator.State;

namespace AppleCliEmulator.Podman;

/// <summary>
/// A <c>NAME=VALUE</c> file for podman's <c>--env-file</c>: created 0600 inside the state directory, deleted on dispose, so
/// that no value ever reaches an argv.
/// </summary>
internal sealed class SecretFile : IDisposable
{
    private SecretFile(string path) => Path = path;

    public string Path { get; }

    public static SecretFile Create(EmulatorState state, IEnumerable<string> lines)
    {
        var directory = System.IO.Path.Combine(state.Root, ".tmp");
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, $"env-{Guid.NewGuid():N}");
        using (var stream = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite }))
        using (var writer = new StreamWriter(stream))
        {
            foreach (var line in lines)
            {
                writer.Write(line);
                writer.Write('\n');
            }
        }

        return new SecretFile(path);
    }

    public void Dispose() => File.Delete(Path);
}
