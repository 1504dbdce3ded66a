using System.Formats.Tar;
using System.Text;
using Aspire.Hosting.AppleContainer.Bridge.Files;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Files;

/// <summary>The tar of container files, entry by entry as DCP writes it (containers_common.go: AddFileToTar, AddDirectoryToTar, AddSymlinkToTar).</summary>
public sealed class ContainerFilesArchiveTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Entries_carry_their_paths_owners_and_modes_inherit_from_their_directory_and_take_the_umask_when_unset()
    {
        var source = Path.GetTempFileName();
        try
        {
            File.WriteAllText(source, "from-disk");
            var sets = new[]
            {
                new ContainerFileSet
                {
                    Destination = "/etc/engg/",
                    DefaultOwner = 7,
                    Umask = 0b000_010_111,
                    Entries =
                    [
                        new ContainerFileEntry { Name = "secret", Contents = Encoding.UTF8.GetBytes("s"), Owner = 999, Group = 998, Mode = 0b110_000_000 },
                        new ContainerFileEntry
                        {
                            Name = "conf.d", Kind = ContainerFileKind.Directory, Group = 3,
                            Entries =
                            [
                                new ContainerFileEntry { Name = "a.conf", SourcePath = source },
                                new ContainerFileEntry { Name = "link", Kind = ContainerFileKind.Symlink, LinkTarget = "./a.conf" },
                            ],
                        },
                    ],
                },
                new ContainerFileSet { Destination = "/", Entries = [new ContainerFileEntry { Name = "top" }] },
            };

            var entries = Read(ContainerFilesArchive.ToBytes(sets, Stamp));

            Assert.Equal(
                [
                    ("etc/engg/secret", TarEntryType.RegularFile, 999, 998, "600", "s"),
                    ("etc/engg/conf.d", TarEntryType.Directory, 7, 3, "750", ""),
                    ("etc/engg/conf.d/a.conf", TarEntryType.RegularFile, 7, 3, "640", "from-disk"),
                    ("etc/engg/conf.d/link", TarEntryType.SymbolicLink, 7, 3, "777", "./a.conf"),
                    ("top", TarEntryType.RegularFile, 0, 0, "644", ""),
                ],
                entries);
        }
        finally
        {
            File.Delete(source);
        }
    }

    [Fact]
    public void An_unreadable_source_is_left_out_when_it_may_continue_on_error_and_fails_the_spec_otherwise()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"actr-missing-{Guid.NewGuid():N}");
        ContainerFileSet Set(bool continueOnError) => new()
        {
            Destination = "/d",
            Entries = [new ContainerFileEntry { Name = "gone", SourcePath = missing, ContinueOnError = continueOnError }, new ContainerFileEntry { Name = "kept" }],
        };

        Assert.Equal(["d/kept"], Read(ContainerFilesArchive.ToBytes([Set(true)], Stamp)).Select(e => e.Name));
        var error = Assert.Throws<BridgeException>(() => ContainerFilesArchive.ToBytes([Set(false)], Stamp));
        Assert.Equal(BridgeErrorCode.InvalidSpec, error.Code);
        Assert.Contains("/d/gone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_digest_changes_with_a_files_bytes_or_mode_and_not_otherwise()
    {
        static ContainerFileSet[] Sets(string text, int mode) =>
            [new ContainerFileSet { Destination = "/d", Entries = [new ContainerFileEntry { Name = "f", Contents = Encoding.UTF8.GetBytes(text), Mode = mode }] }];

        Assert.Equal(ContainerFilesDigest.Compute(Sets("a", 0)), ContainerFilesDigest.Compute(Sets("a", 0)));
        Assert.NotEqual(ContainerFilesDigest.Compute(Sets("a", 0)), ContainerFilesDigest.Compute(Sets("b", 0)));
        Assert.NotEqual(ContainerFilesDigest.Compute(Sets("a", 0)), ContainerFilesDigest.Compute(Sets("a", 0b110_000_000)));
    }

    [Fact]
    public void The_digest_follows_a_source_files_bytes()
    {
        var source = Path.GetTempFileName();
        try
        {
            ContainerFileSet[] sets = [new ContainerFileSet { Destination = "/d", Entries = [new ContainerFileEntry { Name = "f", SourcePath = source }] }];
            File.WriteAllText(source, "one");
            var first = ContainerFilesDigest.Compute(sets);
            File.WriteAllText(source, "two");

            Assert.NotEqual(first, ContainerFilesDigest.Compute(sets));
        }
        finally
        {
            File.Delete(source);
        }
    }

    private static List<(string Name, TarEntryType Type, int Uid, int Gid, string Mode, string Data)> Read(byte[] archive)
    {
        var entries = new List<(string, TarEntryType, int, int, string, string)>();
        using var reader = new TarReader(new MemoryStream(archive));
        while (reader.GetNextEntry() is { } entry)
        {
            var data = entry.EntryType == TarEntryType.SymbolicLink
                ? entry.LinkName
                : entry.DataStream is { } stream ? new StreamReader(stream).ReadToEnd() : string.Empty;
            entries.Add((entry.Name, entry.EntryType, entry.Uid, entry.Gid, Convert.ToString((int)entry.Mode, 8), data));
        }

        return entries;
    }
}
