namespace AppleCliEmulator;

/// <summary>
/// ReleaseVersion.singleLine (Sources/ContainerVersion/ReleaseVersion.swift@1.2.2): <c>&lt;app&gt; version &lt;version&gt;
/// (build: release, commit: &lt;7 hex&gt;)</c>. The version and commit are 1.2.2's (the tag's commit,
/// 0190097d06df0b9065f4c2d2c7873c649d81d493, is what a release build embeds as GIT_COMMIT: Package.swift@1.2.2:23–24).
/// </summary>
internal static class ReleaseVersion
{
    public const string Version = "1.2.2";

    public const string Commit = "0190097d06df0b9065f4c2d2c7873c649d81d493";

    public static string SingleLine(string appName) => $"{appName} version {Version} (build: release, commit: {Commit[..7]})";
}
