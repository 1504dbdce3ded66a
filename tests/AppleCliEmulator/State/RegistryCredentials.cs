using System.Text;
using System.Text.Json.Nodes;

namespace AppleCliEmulator.State;

/// <summary>
/// The emulated login keychain (KeychainHelper in Apple's CLI, keyed by the registry's resolved domain with its port:
/// RegistryLogin.swift@1.2.2:66-97, RegistryLogout.swift@1.2.2:37-41, ImagesService.swift@1.2.2:414-435). It is a podman
/// auth file in the state, <c>registry-auth.json</c> (0600), so the same credentials serve the emulator's own HTTP requests
/// and podman's push and pull of that state (<c>--authfile</c>); other states and podman's own logins never see it.
/// </summary>
internal sealed class RegistryCredentials(EmulatorState state)
{
    public string AuthFile => Path.Combine(state.Root, "registry-auth.json");

    /// <summary><c>--authfile PATH</c> when this state holds any login, else nothing (podman's own auth file is not consulted).</summary>
    public IReadOnlyList<string> PodmanArguments() => File.Exists(AuthFile) ? ["--authfile", AuthFile] : [];

    public (string Username, string Password)? Lookup(string host)
    {
        if (Read()[host]?["auth"]?.GetValue<string>() is not { } auth)
        {
            return null;
        }

        var pair = Encoding.UTF8.GetString(Convert.FromBase64String(auth));
        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : (pair[..colon], pair[(colon + 1)..]);
    }

    public void Save(string host, string username, string password)
    {
        var auths = Read();
        auths[host] = new JsonObject { ["auth"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")) };
        Write(auths);
    }

    /// <summary>Removes the login of <paramref name="host"/>; false when there was none.</summary>
    public bool Remove(string host)
    {
        var auths = Read();
        if (!auths.Remove(host))
        {
            return false;
        }

        Write(auths);
        return true;
    }

    private JsonObject Read() =>
        File.Exists(AuthFile) && JsonNode.Parse(File.ReadAllText(AuthFile))?["auths"] is JsonObject auths ? (JsonObject)auths.DeepClone() : [];

    private void Write(JsonObject auths)
    {
        var temporary = AuthFile + ".tmp";
        File.WriteAllText(temporary, new JsonObject { ["auths"] = auths }.ToJsonString());
        File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, AuthFile, overwrite: true);
    }
}
