namespace Outreach.SecretScan.Tests.Scenario;

public static class Eventually
{
    public static async Task Async(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Not within {seconds} s: {what}.");
            await Task.Delay(200);
        }
    }
}
