using StackExchange.Redis;

// Reads and writes Redis keys through Aspire's Redis client (connection string `cache`, from WithReference):
// PUT /keys/{key} stores the request body, GET /keys/{key} returns it (404 when missing).
var builder = WebApplication.CreateBuilder(args);
builder.AddRedisClient("cache");

var app = builder.Build();

app.MapPut("/keys/{key}", async (string key, HttpRequest request, IConnectionMultiplexer redis) =>
{
    using var reader = new StreamReader(request.Body);
    var value = await reader.ReadToEndAsync();
    await redis.GetDatabase().StringSetAsync(key, value);
    return Results.NoContent();
});

app.MapGet("/keys/{key}", async (string key, IConnectionMultiplexer redis) =>
    await redis.GetDatabase().StringGetAsync(key) is { HasValue: true } value
        ? Results.Text(value.ToString())
        : Results.NotFound());

app.Run();
