namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Registry;

/// <summary>
/// The internal-host rule. The host-only cases are those of Apple's Tests/ContainerAPIClientTests/RequestSchemeTests.swift@1.2.2
/// under <c>auto</c> (http = internal); the host:port and reference cases are the bridge's: the port is left out before the rule.
/// </summary>
public sealed class RegistryHostTests
{
    [Theory]
    [InlineData("myregistry.io", false)]
    [InlineData("localhost", true)]
    [InlineData("localhost.evil.com", false)]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.255.255.255", true)]
    [InlineData("127.0.0.1.evil.com", false)]
    [InlineData("10.3.4.1", true)]
    [InlineData("10.255.255.255", true)]
    [InlineData("10.0.0.1.evil.com", false)]
    [InlineData("192.168.0.1", true)]
    [InlineData("192.168.255.255", true)]
    [InlineData("192.169.0.1", false)]
    [InlineData("192.168.1.1.evil.com", false)]
    [InlineData("some-dns-name.io", false)]
    [InlineData("172.32.0.1", false)]
    [InlineData("172.22.23.61", true)]
    [InlineData("172.16.0.0", true)]
    [InlineData("172.31.255.255", true)]
    public void A_host_is_internal_exactly_when_apples_auto_scheme_picks_http_for_it(string host, bool expected)
    {
        Assert.Equal(expected, RegistryHost.IsInternal(host));
    }

    [Theory]
    [InlineData("127.0.0.1:5000", true)]
    [InlineData("localhost:5000", true)]
    [InlineData("10.0.0.7:443", true)]
    [InlineData("192.168.1.10:5000/team/app:1", true)]
    [InlineData("172.16.0.1:80/app@sha256:abc", true)]
    [InlineData("localhost/app:latest", true)]
    [InlineData("http://127.0.0.1:5000", true)]
    [InlineData("registry.example.com:5000", false)]
    [InlineData("172.32.0.1:5000/app:1", false)]
    [InlineData("docker.io/library/busybox:latest", false)]
    [InlineData("busybox:latest", false)]
    [InlineData("127.000.0.1:5000", false)] // leading zeros are no IPv4 literal for ContainerizationExtras' parser
    [InlineData("256.0.0.1:5000", false)]
    public void The_port_and_repository_path_are_left_out_before_the_rule(string registry, bool expected)
    {
        Assert.Equal(expected, RegistryHost.IsInternal(registry));
    }

    [Theory]
    [InlineData("127.0.0.1:5000", "127.0.0.1:5000")]
    [InlineData("https://registry.example.com", "registry.example.com")]
    [InlineData("http://localhost:5000/", "localhost:5000")]
    [InlineData("myregistry.azurecr.io/team", "myregistry.azurecr.io")]
    public void The_domain_of_a_registry_keeps_its_port_and_drops_scheme_and_path(string registry, string domain)
    {
        Assert.Equal(domain, RegistryHost.DomainOf(registry));
    }

    [Fact]
    public void An_empty_registry_is_refused()
    {
        Assert.ThrowsAny<ArgumentException>(() => RegistryHost.IsInternal(" "));
    }
}
