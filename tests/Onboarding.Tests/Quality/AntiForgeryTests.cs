using Microsoft.Playwright;
using Shouldly;

namespace Outreach.Onboarding.Tests.Quality;

/// <summary>"The form posts carry anti-forgery tokens": every step's post, from the person's own browser (its cookies), refused without one.</summary>
[Collection(OnboardingSuite.Name)]
public sealed class AntiForgeryTests(OnboardingFixture system)
{
    [Fact]
    public async Task Each_steps_post_without_the_pages_token_is_refused_with_400_and_with_it_the_same_post_goes_through()
    {
        await using var person = await Steps.SignedUpAsync(system);
        var posts = new (string Path, Dictionary<string, string> Fields)[]
        {
            ("/linkedin", new() { ["username"] = "jane@example.com", ["password"] = "a password" }),
            ("/linkedin/code", new() { ["code"] = "123456" }),
            ("/product", new() { ["product"] = "Bookkeeping" }),
            ("/profile", new() { ["daily_limit"] = "20", ["time_zone"] = "Europe/London", ["start"] = "09:00", ["end"] = "17:00" }),
            ("/review", new()),
            ("/complete", new()),
            ("/resume", new() { ["email"] = "jane@example.com" }),
        };

        foreach (var (path, fields) in posts)
        {
            var response = await PostAsync(person, path, fields);
            response.Status.ShouldBe(400, path);
        }
        (await Steps.LoginStatusAsync(person)).ShouldBe("none", "no refused post started a login");

        // The control: the page's own hidden token makes the same post acceptable.
        var token = person.Page.Locator("form input[type=hidden]");
        var accepted = await PostAsync(person, "/linkedin", new() { ["username"] = "jane@example.com", ["password"] = "a password",
            [(await token.GetAttributeAsync("name"))!] = (await token.GetAttributeAsync("value"))! });
        accepted.Status.ShouldBe(302);
        (await Steps.LoginStatusAsync(person)).ShouldNotBe("none");
    }

    private static Task<IAPIResponse> PostAsync(SignedUpPerson person, string path, Dictionary<string, string> fields)
    {
        var form = person.Context.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
            form.Set(name, value);
        return person.Context.APIRequest.PostAsync(person.Link + path, new() { Form = form, MaxRedirects = 0 });
    }
}
