namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Unit;

/// <summary>Every message in Fixtures/Apple/errors.txt maps to its code; the remedies are the CLI's own.</summary>
public sealed class AppleErrorClassifierTests
{
    public static TheoryData<string, string> Messages()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in AppleFixtures.Lines("errors.txt"))
        {
            var bar = line.IndexOf('|', StringComparison.Ordinal);
            data.Add(line[..bar], line[(bar + 1)..].Replace("\\n", "\n", StringComparison.Ordinal));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void A_recorded_message_is_classified_as_its_code(string code, string standardError)
    {
        Assert.Equal(code, AppleErrorClassifier.Create().Classify(standardError));
    }

    [Fact]
    public void An_unreachable_service_carries_the_system_start_remedy_and_the_argv()
    {
        var error = AppleErrorClassifier.Create().CreateException(["/usr/local/bin/container", "list"], 1, "Error: interrupted: \"XPC connection error: Connection invalid\"", "list containers");

        Assert.Equal(BridgeErrorCode.RuntimeNotRunning, error.Code);
        Assert.Equal("run `container system start`", error.Hint);
        Assert.Equal("apple", error.Runtime);
        Assert.Equal(["/usr/local/bin/container", "list"], error.Arguments);
    }

    [Fact]
    public void A_builder_failure_carries_the_builder_start_remedy()
    {
        var error = AppleErrorClassifier.Create().CreateException(["container", "build"], 1, "Error: builder is not running");

        Assert.Equal(BridgeErrorCode.BuilderUnavailable, error.Code);
        Assert.Equal("run `container builder start`", error.Hint);
    }
}
