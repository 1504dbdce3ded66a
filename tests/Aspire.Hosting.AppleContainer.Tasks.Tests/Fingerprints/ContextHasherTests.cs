using Aspire.Hosting.AppleContainer.Tasks.DockerIgnore;
using Aspire.Hosting.AppleContainer.Tasks.Fingerprints;
using Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Fingerprints;

public sealed class ContextHasherTests
{
    private static string Hash(TempDirectory context)
    {
        var ignore = Path.Combine(context.Path, ".dockerignore");
        var matcher = File.Exists(ignore) ? DockerIgnoreFile.Parse(File.ReadAllText(ignore), out _, out _) : DockerIgnoreMatcher.Empty;
        return ContextHasher.Hash(context.Path, matcher);
    }

    [Fact]
    public void The_hash_is_stable_for_an_unchanged_context()
    {
        using var context = new TempDirectory();
        context.Write("a.txt", "a");
        context.Write("sub/b.txt", "b");
        Assert.Equal(Hash(context), Hash(context));
    }

    [Fact]
    public void Editing_adding_deleting_or_renaming_a_file_changes_the_hash()
    {
        using var context = new TempDirectory();
        var file = context.Write("a.txt", "a");
        var original = Hash(context);

        File.WriteAllText(file, "b");
        var edited = Hash(context);
        context.Write("new.txt", string.Empty);
        var added = Hash(context);
        File.Delete(Path.Combine(context.Path, "new.txt"));
        var deleted = Hash(context);
        File.Move(file, Path.Combine(context.Path, "renamed.txt"));
        var renamed = Hash(context);

        // Deleting the added file restores the edited state; every other step is a new context.
        Assert.Equal(edited, deleted);
        Assert.Equal(4, new[] { original, edited, added, renamed }.Distinct().Count());
    }

    [Fact]
    public void An_empty_directory_counts_because_the_builder_receives_it()
    {
        using var context = new TempDirectory();
        context.Write("a.txt", "a");
        var before = Hash(context);
        Directory.CreateDirectory(Path.Combine(context.Path, "empty"));
        Assert.NotEqual(before, Hash(context));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_changed_file_mode_changes_the_hash()
    {
        using var context = new TempDirectory();
        var script = context.Write("run.sh", "echo");
        var before = Hash(context);
        File.SetUnixFileMode(script, File.GetUnixFileMode(script) | UnixFileMode.UserExecute);
        Assert.NotEqual(before, Hash(context));
    }

    [Fact]
    public void Files_the_dockerignore_excludes_do_not_count_but_its_exceptions_do()
    {
        using var context = new TempDirectory();
        context.Write(".dockerignore", "logs\n!logs/keep.log\n");
        context.Write("app.txt", "app");
        var ignored = context.Write("logs/debug.log", "1");
        var kept = context.Write("logs/keep.log", "1");
        var before = Hash(context);

        File.WriteAllText(ignored, "2");
        Assert.Equal(before, Hash(context));

        File.WriteAllText(kept, "2");
        Assert.NotEqual(before, Hash(context));
    }

    [Fact]
    public void A_symbolic_link_is_hashed_by_its_target_and_not_followed()
    {
        using var context = new TempDirectory();
        using var outside = new TempDirectory();
        var target = outside.Write("big.txt", "1");
        File.CreateSymbolicLink(Path.Combine(context.Path, "link"), target);
        var before = Hash(context);
        File.WriteAllText(target, "2");
        Assert.Equal(before, Hash(context));
    }
}
