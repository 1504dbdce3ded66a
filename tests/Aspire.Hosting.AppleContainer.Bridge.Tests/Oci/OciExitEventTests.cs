using Aspire.Hosting.AppleContainer.Bridge.Oci;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Oci;

public sealed class OciExitEventTests
{
    [Theory]
    [InlineData("podman", "fed772ef5ff25df33c443f1924c90b7bbe94140d9b130abecf8898e728c385ae")]
    [InlineData("docker", "6ab7eaad7bd0e5e5d215a2b301d1857576e17b36b68009d296617cba4be60864")]
    public void A_captured_death_gives_the_full_id_and_the_exit_code(string runtime, string id)
    {
        // podman: {"ID":…,"Status":"died","ContainerExitCode":5}; docker: {"status":"die","id":…,"Actor":{"Attributes":{"exitCode":"5"}}}.
        var line = OciFixtureFiles.Read(runtime, "events-died.json").Trim();

        Assert.Equal(new OciExitEvent(id, 5), OciExitEvent.TryParse(line));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"ID":"abc","Status":"start","Type":"container"}""")]
    [InlineData("""{"Status":"died","Type":"container"}""")]
    [InlineData("[1,2]")]
    public void Lines_that_are_not_a_container_death_are_ignored(string line)
    {
        Assert.Null(OciExitEvent.TryParse(line));
    }

    [Fact]
    public void A_died_event_without_an_exit_code_has_an_unknown_code()
    {
        Assert.Equal(new OciExitEvent("abc", null), OciExitEvent.TryParse("""{"ID":"abc","Status":"died","Type":"container"}"""));
    }
}
