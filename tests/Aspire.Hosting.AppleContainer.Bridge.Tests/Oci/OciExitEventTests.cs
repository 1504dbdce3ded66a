using Aspire.Hosting.AppleContainer.Bridge.Oci;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Oci;

public sealed class OciExitEventTests
{
    [Fact]
    public void A_podman_died_event_gives_the_full_id_and_the_exit_code()
    {
        var line = OciFixtureFiles.Podman("events-died.json").Trim();

        var exit = OciExitEvent.TryParse(line);

        Assert.NotNull(exit);
        Assert.Equal("fed772ef5ff25df33c443f1924c90b7bbe94140d9b130abecf8898e728c385ae", exit.ContainerId);
        Assert.Equal(5, exit.ExitCode);
    }

    [Fact]
    public void A_docker_die_event_gives_the_id_and_the_exit_code_from_its_actor_attributes()
    {
        // The shape of docker's `events --format '{{json .}}'` (Engine API EventMessage: status, id, Type, Action, Actor.Attributes).
        const string line = """{"status":"die","id":"4f2c","from":"busybox","Type":"container","Action":"die","Actor":{"ID":"4f2c","Attributes":{"exitCode":"3","image":"busybox","name":"web"}},"scope":"local","time":1764300000,"timeNano":1764300000000000000}""";

        var exit = OciExitEvent.TryParse(line);

        Assert.Equal(new OciExitEvent("4f2c", 3), exit);
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
