using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Orchestration;

public class SecretValuesTests
{
    [Fact]
    public void A_secret_parameter_and_an_expression_built_from_one_are_secret_while_plain_values_are_not()
    {
        var builder = ModelApp.CreateBuilder();
        builder.Configuration["Parameters:engd-s"] = "x";
        builder.Configuration["Parameters:engd-p"] = "y";
        var secret = builder.AddParameter("engd-s", secret: true).Resource;
        var plain = builder.AddParameter("engd-p").Resource;

        Assert.True(SecretValues.ContainsSecret(secret));
        Assert.True(SecretValues.ContainsSecret(ReferenceExpression.Create($"a={plain};b={secret}")));
        Assert.False(SecretValues.ContainsSecret(plain));
        Assert.False(SecretValues.ContainsSecret(ReferenceExpression.Create($"a={plain}")));
        Assert.False(SecretValues.ContainsSecret("text"));
    }
}
