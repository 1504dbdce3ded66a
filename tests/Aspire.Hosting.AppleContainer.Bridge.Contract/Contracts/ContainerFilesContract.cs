using System.Text;

namespace Aspire.Hosting.AppleContainer.Bridge.Contract;

/// <summary>
/// Container files (<see cref="RunSpec.Files"/>, Aspire's <c>WithContainerFiles</c>) are in place, with their owners,
/// groups and modes, when the container's entrypoint first reads them.
/// </summary>
/// <typeparam name="TFixture">The dialect's fixture.</typeparam>
public abstract class ContainerFilesContract<TFixture>(TFixture fixture) : RuntimeContract<TFixture>(fixture)
    where TFixture : RuntimeFixture
{
    /// <summary>
    /// An explicit mode and owner (0600, 999), a directory and a file without a mode (0777/0666 less the default
    /// umask 022), and a second set with its own umask (027) and default owner, read by the entrypoint at start.
    /// </summary>
    [RuntimeFact(Timeout = ContractTimeouts.Long)]
    public async Task The_entrypoint_reads_the_files_with_their_owners_groups_and_modes_from_its_first_instruction()
    {
        await using var scope = BeginTest();
        var spec = new RunSpec
        {
            Name = scope.NewName(),
            Image = Fixture.BusyboxImage,
            Labels = scope.Labels(),
            Entrypoint = ["sh", "-c", "stat -c '%a %u %g %n' /dest/secret /dest/conf /dest/conf/a /other/b; cat /dest/secret; echo; cat /other/b"],
            Files =
            [
                new ContainerFileSet
                {
                    Destination = "/dest",
                    Entries =
                    [
                        new ContainerFileEntry { Name = "secret", Contents = Encoding.UTF8.GetBytes("hello-files"), Owner = 999, Group = 999, Mode = 0b110_000_000 },
                        new ContainerFileEntry
                        {
                            Name = "conf", Kind = ContainerFileKind.Directory,
                            Entries = [new ContainerFileEntry { Name = "a", Contents = Encoding.UTF8.GetBytes("a") }],
                        },
                    ],
                },
                new ContainerFileSet
                {
                    Destination = "/other",
                    DefaultOwner = 5,
                    DefaultGroup = 6,
                    Umask = 0b000_010_111,
                    Entries = [new ContainerFileEntry { Name = "b", Contents = Encoding.UTF8.GetBytes("from-b") }],
                },
            ],
        };

        // Apple's dialect runs a derived image holding the files: removed after the container (cleanups run LIFO).
        string? image = null;
        scope.Track("the image the container ran", async ct =>
        {
            if (image is not null && image != spec.Image)
            {
                await Runtime.RemoveImageAsync(image, force: false, ct);
            }
        });
        var id = await scope.CreateAsync(spec);
        image = (await Runtime.InspectContainerAsync(id)).Image;
        await Runtime.StartContainerAsync(id);
        await Runtime.WaitForExitAsync(id);
        var output = new List<string>();
        await foreach (var line in Runtime.GetLogsAsync(id, follow: false))
        {
            output.Add(line.Text);
        }

        Assert.Equal(
            ["600 999 999 /dest/secret", "755 0 0 /dest/conf", "644 0 0 /dest/conf/a", "640 5 6 /other/b", "hello-files", "from-b"],
            output.Select(l => l.TrimEnd()).Where(l => l.Length > 0));

        // A derived image may hold key material: it goes with the last container that ran it.
        await Runtime.RemoveContainerAsync(id);
        if (image != spec.Image)
        {
            Assert.False(await Runtime.ImageExistsAsync(image), $"the derived image {image} outlived its container");
        }
    }
}
