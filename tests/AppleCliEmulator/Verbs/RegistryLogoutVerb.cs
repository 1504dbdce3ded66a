using AppleCliEmulator.Cli;
using AppleCliEmulator.Images;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary>
/// <c>registry logout server</c> (RegistryLogout.swift@1.2.2:27-41): deletes the login of the resolved domain; a domain with
/// no login is no error (KeychainQuery.delete accepts errSecItemNotFound, KeychainQuery.swift@0.40.1). Prints nothing.
/// </summary>
internal static class RegistryLogoutVerb
{
    public static int Run(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("registry logout", []).Read(args);
        var server = Positionals.Single(parsed, "registry logout", "<registry>");
        new RegistryCredentials(state).Remove(ImageReference.ResolveDomain(server));
        return 0;
    }
}
