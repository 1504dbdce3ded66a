using Aspire.Hosting.AppleContainer.Bridge.Oci;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Oci;

public sealed class OciLoadParserTests
{
    [Fact]
    public void Podman_4_3_and_docker_print_one_loaded_image_line_per_reference()
    {
        // podman 4.3.1 `load --input` of a two-image docker-archive, as printed on stdout.
        Assert.Equal(["localhost/regx/a:1", "localhost/regx/b:2"], OciLoadParser.Parse("Loaded image: localhost/regx/a:1\nLoaded image: localhost/regx/b:2\n"));
    }

    [Fact]
    public void Older_podman_prints_the_references_comma_separated_on_one_line()
    {
        Assert.Equal(["localhost/a:1", "localhost/b:2"], OciLoadParser.Parse("Loaded image(s): localhost/a:1,localhost/b:2\n"));
    }

    [Fact]
    public void Docker_names_an_untagged_image_by_its_id_and_progress_lines_are_skipped()
    {
        var output = "3f4a1e2b: Loading layer [==================>]  2.1MB/2.1MB\nLoaded image ID: sha256:c55d6b001887\nLoaded image: localhost/a:1\nLoaded image: localhost/a:1\n";

        Assert.Equal(["sha256:c55d6b001887", "localhost/a:1"], OciLoadParser.Parse(output));
    }
}
