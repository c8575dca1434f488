using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shouldly;

namespace Outreach.SeatService.Tests.Members;

/// <summary>Seed 001's user routes: create, get, update with extra attributes, delete.</summary>
[Collection(SeatServiceSuite.Name)]
public sealed partial class UserManagementUserTests(SeatServiceFixture system)
{
    [GeneratedRegex("^[A-Za-z0-9]{20}$")]
    private static partial Regex UidShape();

    [Fact]
    public async Task Creating_the_documented_user_returns_userData_with_the_documented_fields()
    {
        var account = await MemberAccount.CreateAsync(system);
        var (created, body) = await account.Admin.PostJsonAsync("/user-management/users/",
            new { email = "user@example.com", display_name = "User", phone = "932323232" });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var data = body.GetProperty("userData");
        UidShape().IsMatch(data.GetProperty("user_uid").GetString()!).ShouldBeTrue();
        data.GetProperty("email").GetString().ShouldBe("user@example.com");
        data.GetProperty("display_name").GetString().ShouldBe("User");
        data.GetProperty("phone").GetString().ShouldBe("932323232");
    }

    [Fact]
    public async Task A_created_user_is_read_back_by_uid_and_phone_is_optional()
    {
        var account = await MemberAccount.CreateAsync(system);
        var uid = await account.CreateUserAsync("nophone@example.com", "No Phone");

        var (found, body) = await account.Admin.GetJsonAsync($"/user-management/users/{uid}");
        found.StatusCode.ShouldBe(HttpStatusCode.OK);
        var data = body.GetProperty("userData");
        data.GetProperty("user_uid").GetString().ShouldBe(uid);
        data.GetProperty("email").GetString().ShouldBe("nophone@example.com");
        data.GetProperty("display_name").GetString().ShouldBe("No Phone");
        data.GetProperty("phone").ValueKind.ShouldBe(JsonValueKind.Null);
        data.GetProperty("account_type").GetString().ShouldBe("DEVELOPER");
        data.GetProperty("status").GetString().ShouldBe("active");
    }

    [Fact]
    public async Task Update_changes_fields_and_keeps_extra_attributes_that_later_updates_merge_or_remove()
    {
        var account = await MemberAccount.CreateAsync(system);
        var uid = await account.CreateUserAsync("athlete@example.com", "Athlete", "932323232");

        var (updated, body) = await account.Admin.PutJsonAsync("/user-management/users/", new
        {
            user_uid = uid,
            display_name = "Fast Athlete",
            height_cm = 181,
            weight_kg = 74.5,
            preferences = new { units = "metric", newsletter = false },
        });
        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("message").GetString().ShouldNotBeNullOrEmpty();
        body.GetProperty("userData").GetProperty("display_name").GetString().ShouldBe("Fast Athlete");

        await account.Admin.PutJsonAsync("/user-management/users/", new { user_uid = uid, weight_kg = (double?)null, phone = (string?)null, shoe_size = 44 });

        var data = (await account.Admin.GetJsonAsync($"/user-management/users/{uid}")).Body.GetProperty("userData");
        data.GetProperty("display_name").GetString().ShouldBe("Fast Athlete");
        data.GetProperty("email").GetString().ShouldBe("athlete@example.com");
        data.GetProperty("phone").ValueKind.ShouldBe(JsonValueKind.Null);
        data.GetProperty("height_cm").GetInt32().ShouldBe(181);
        data.GetProperty("shoe_size").GetInt32().ShouldBe(44);
        data.TryGetProperty("weight_kg", out _).ShouldBeFalse();
        data.GetProperty("preferences").GetProperty("units").GetString().ShouldBe("metric");
        data.GetProperty("preferences").GetProperty("newsletter").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Delete_by_uid_in_the_body_removes_the_user_from_reads_and_lists()
    {
        var account = await MemberAccount.CreateAsync(system);
        var uid = await account.CreateUserAsync("leaving@example.com");

        var (deleted, body) = await account.Admin.DeleteJsonAsync("/user-management/users/", new { user_uid = uid });
        deleted.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("message").GetString().ShouldNotBeNullOrEmpty();

        (await account.Admin.GetJsonAsync($"/user-management/users/{uid}")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await account.Admin.GetJsonAsync("/user-management/users/")).Body.GetProperty("query_count").GetInt32().ShouldBe(0);
        (await account.Admin.DeleteJsonAsync("/user-management/users/", new { user_uid = uid })).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await account.Admin.PutJsonAsync("/user-management/users/", new { user_uid = uid, display_name = "Back" })).Response.StatusCode
            .ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_deleted_users_email_can_be_used_again()
    {
        var account = await MemberAccount.CreateAsync(system);
        var uid = await account.CreateUserAsync("again@example.com");
        await account.Admin.DeleteJsonAsync("/user-management/users/", new { user_uid = uid });
        (await account.Admin.PostJsonAsync("/user-management/users/", new { email = "again@example.com", display_name = "Again" }))
            .Response.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("not-an-email", "User", null, "email")]
    [InlineData("Someone <someone@example.com>", "User", null, "email")]
    [InlineData("", "User", null, "email")]
    [InlineData("ok@example.com", "", null, "display_name")]
    [InlineData("ok@example.com", "User", "call me", "phone")]
    [InlineData("ok@example.com", "User", "12", "phone")]
    public async Task Invalid_fields_are_refused_naming_the_field_and_nothing_is_stored(string email, string displayName, string? phone, string field)
    {
        var account = await MemberAccount.CreateAsync(system);
        var (refused, problem) = await account.Admin.PostJsonAsync("/user-management/users/", new { email, display_name = displayName, phone });

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.ErrorFields().ShouldBe([field]);
        (await account.Admin.GetJsonAsync("/user-management/users/")).Body.GetProperty("query_count").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_display_name_over_100_characters_is_refused()
    {
        var account = await MemberAccount.CreateAsync(system);
        var (refused, problem) = await account.Admin.PostJsonAsync("/user-management/users/",
            new { email = "long@example.com", display_name = new string('n', 101) });
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.ErrorFields().ShouldBe(["display_name"]);
    }

    [Fact]
    public async Task A_second_active_user_with_the_same_email_in_any_case_conflicts_and_is_not_stored()
    {
        var account = await MemberAccount.CreateAsync(system);
        await account.CreateUserAsync("twin@example.com");

        var (conflict, _) = await account.Admin.PostJsonAsync("/user-management/users/", new { email = "TWIN@example.com", display_name = "Twin" });
        conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await account.Admin.GetJsonAsync("/user-management/users/")).Body.GetProperty("query_count").GetInt32().ShouldBe(1);

        var other = await account.CreateUserAsync("other@example.com");
        (await account.Admin.PutJsonAsync("/user-management/users/", new { user_uid = other, email = "twin@example.com" })).Response.StatusCode
            .ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_same_email_may_be_a_member_of_two_accounts()
    {
        var first = await MemberAccount.CreateAsync(system);
        var second = await MemberAccount.CreateAsync(system);
        await first.CreateUserAsync("shared@example.com");
        (await second.Admin.PostJsonAsync("/user-management/users/", new { email = "shared@example.com", display_name = "Shared" }))
            .Response.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Bad_updates_name_the_field_and_change_nothing()
    {
        var account = await MemberAccount.CreateAsync(system);
        var uid = await account.CreateUserAsync("steady@example.com", "Steady");

        (await account.Admin.PutJsonAsync("/user-management/users/", new { display_name = "No uid" })).Body.ErrorFields().ShouldBe(["user_uid"]);
        (await account.Admin.PutJsonAsync("/user-management/users/", new { user_uid = uid, email = "broken" })).Body.ErrorFields().ShouldBe(["email"]);
        (await account.Admin.PutJsonAsync("/user-management/users/", new { user_uid = uid, display_name = 7 })).Body.ErrorFields().ShouldBe(["display_name"]);
        (await account.Admin.PutJsonAsync("/user-management/users/", new { user_uid = uid, status = "disabled" })).Body.ErrorFields().ShouldBe(["status"]);
        var (tooMany, problem) = await account.Admin.PutJsonAsync("/user-management/users/",
            Enumerable.Range(0, 51).ToDictionary(i => $"attr_{i}", i => (object)i).Append(new("user_uid", uid)).ToDictionary());
        tooMany.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.ErrorFields().ShouldBe(["attributes"]);

        var data = (await account.Admin.GetJsonAsync($"/user-management/users/{uid}")).Body.GetProperty("userData");
        data.GetProperty("email").GetString().ShouldBe("steady@example.com");
        data.GetProperty("display_name").GetString().ShouldBe("Steady");
        data.EnumerateObject().Select(p => p.Name).ShouldBe(["user_uid", "email", "display_name", "phone", "account_type", "status"]);
    }

    [Fact]
    public async Task An_unknown_or_malformed_uid_is_not_found()
    {
        var account = await MemberAccount.CreateAsync(system);
        (await account.Admin.GetJsonAsync("/user-management/users/MYmC7MzsPBNU6uSQBnJ0")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await account.Admin.GetJsonAsync("/user-management/users/not-a-uid")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Racing_creates_with_one_email_store_exactly_one_user()
    {
        var account = await MemberAccount.CreateAsync(system);
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            account.Admin.PostAsJsonAsync("/user-management/users/", new { email = "race@example.com", display_name = $"Racer {i}" })));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(7);
        (await account.Admin.GetJsonAsync("/user-management/users/")).Body.GetProperty("query_count").GetInt32().ShouldBe(1);
    }

    [Theory]
    [InlineData("""{"email":5,"display_name":"User"}""", "email")]
    [InlineData("""{"email":"user@example.com","display_name":""", null)]
    public async Task Unreadable_bodies_are_a_400_problem_and_store_nothing(string json, string? field)
    {
        var account = await MemberAccount.CreateAsync(system);
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var response = await account.Admin.PostAsync("/user-management/users/", content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var fields = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.ErrorFields();
        if (field is not null)
            fields.ShouldBe([field]);
        else
            fields.ShouldNotBeEmpty();
        (await account.Admin.GetJsonAsync("/user-management/users/")).Body.GetProperty("query_count").GetInt32().ShouldBe(0);
    }
}
