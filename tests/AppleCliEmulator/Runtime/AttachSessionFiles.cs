using AppleCliEmulator.Native;

namespace AppleCliEmulator.Runtime;

/// <summary>
/// The files an attached CLI shares with the runtime helper: two FIFOs (the helper writes the container's stdout and
/// stderr into them, as Apple's helper writes into the pipes the CLI passed at bootstrap, ProcessIO.swift@1.2.2:86–142),
/// the exit record, and the CLI's pid.
/// </summary>
internal sealed class AttachSessionFiles(string directory)
{
    public string Directory { get; } = directory;

    public string StandardOutput => Path.Combine(Directory, "stdout");

    public string StandardError => Path.Combine(Directory, "stderr");

    public string ExitPath => Path.Combine(Directory, "exit.json");

    public string OwnerPath => Path.Combine(Directory, "owner");

    /// <summary>Removes the session when the CLI that owned it is gone (it removes it itself otherwise).</summary>
    public void RemoveIfAbandoned()
    {
        try
        {
            if (File.Exists(OwnerPath) && int.TryParse(File.ReadAllText(OwnerPath), out var pid) && Posix.IsAlive(pid))
            {
                return;
            }

            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
