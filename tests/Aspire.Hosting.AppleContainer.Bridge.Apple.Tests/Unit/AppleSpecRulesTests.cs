namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Unit;

/// <summary>What Apple's CLI would refuse or cut is refused before any process runs, with a coded diagnostic.</summary>
public sealed class AppleSpecRulesTests
{
    [Theory]
    [InlineData(1L)]
    [InlineData(100L * 1024 * 1024)]
    [InlineData(199L * 1024 * 1024)]
    public void Less_than_200_MiB_is_refused_as_the_API_server_would(long bytes)
    {
        // ContainersService.swift@1.2.2:326-334: "minimum memory amount allowed is 200 MiB".
        var error = Assert.Throws<BridgeException>(() => AppleSpecRules.Validate(new RunSpec { Name = "db", Image = "redis", MemoryBytes = bytes }));

        Assert.Equal(BridgeErrorCode.UnsupportedOption, error.Code);
        Assert.Equal("memory", error.Option);
        Assert.Contains("200 MiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_verbatim_runtime_argument_is_refused_naming_the_flag_and_never_a_secret_value()
    {
        // Apple's run flags are its own (Sources/Services/ContainerAPIService/Client/Flags.swift@1.2.2): no docker flag passes through.
        var plain = Assert.Throws<BridgeException>(() => AppleSpecRules.Validate(new RunSpec { Name = "db", Image = "redis", RuntimeArgs = ["--hostname", "engd-host"] }));
        var secret = Assert.Throws<BridgeException>(() => AppleSpecRules.Validate(new RunSpec { Name = "db", Image = "redis", RuntimeArgs = ["s3cr3t"], SecretRuntimeArgs = [0] }));

        Assert.Equal((BridgeErrorCode.UnsupportedOption, "--hostname"), (plain.Code, plain.Option));
        Assert.Contains("'--hostname'", plain.Message, StringComparison.Ordinal);
        Assert.Equal(BridgeErrorCode.UnsupportedOption, secret.Code);
        Assert.DoesNotContain("s3cr3t", secret.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData((199L * 1024 * 1024) + 1)]
    [InlineData(200L * 1024 * 1024)]
    [InlineData(1L << 30)]
    public void Two_hundred_MiB_once_rounded_up_to_whole_MiB_is_accepted(long bytes)
    {
        Assert.Null(Record.Exception(() => AppleSpecRules.Validate(new RunSpec { Name = "db", Image = "redis", MemoryBytes = bytes })));
    }

    [Theory]
    [InlineData("a\nb")]
    [InlineData("a\rb")]
    [InlineData("a\vb")]
    [InlineData("a\fb")]
    [InlineData("a\u0085b")]
    [InlineData("a\u2028b")]
    [InlineData("a\u2029b")]
    public void A_value_with_any_character_the_env_file_is_split_on_is_refused_and_not_quoted(string value)
    {
        // Parser.swift@1.2.2:175 splits the file with components(separatedBy: .newlines).
        var plain = Assert.Throws<BridgeException>(() => AppleSpecRules.Validate(new RunSpec { Name = "db", Image = "redis", Environment = new Dictionary<string, string> { ["TOKEN"] = value } }));
        var secret = Assert.Throws<BridgeException>(() => AppleSpecRules.Validate(new RunSpec { Name = "db", Image = "redis", SecretEnvironment = new Dictionary<string, string> { ["TOKEN"] = value } }));

        Assert.All([plain, secret], error =>
        {
            Assert.Equal(BridgeErrorCode.UnsupportedOption, error.Code);
            Assert.Equal("environment", error.Option);
            Assert.Contains("'TOKEN'", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("plain value with spaces, tabs\tand = signs")]
    [InlineData("unicode ✓ and \u00a0 no-break space")]
    [InlineData("")]
    public void Values_without_line_breaks_pass(string value)
    {
        Assert.Null(Record.Exception(() => AppleSpecRules.Validate(new RunSpec { Name = "db", Image = "redis", Environment = new Dictionary<string, string> { ["V"] = value } })));
    }
}
