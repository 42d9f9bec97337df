using Territory.Data.Accounts;
using Territory.Testing;

namespace Territory.Data.Tests;

public class AccountStoreTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private AccountStore Store => new(database.DataSource, TimeProvider.System);

    [Fact]
    public async Task A_created_account_signs_in_with_its_password_only()
    {
        var name = "analyst-" + Guid.NewGuid().ToString("N")[..8];
        var created = await Store.AddAsync(name, "correct horse battery", AnalystAccount.AnalystRole, false, null, TestContext.Current.CancellationToken);

        var signedIn = await Store.VerifyAsync(name.ToUpperInvariant(), "correct horse battery", TestContext.Current.CancellationToken);
        Assert.Equal(created.Id, signedIn?.Id);
        Assert.Null(await Store.VerifyAsync(name, "wrong horse battery", TestContext.Current.CancellationToken));
        Assert.Null(await Store.VerifyAsync("nobody-" + name, "correct horse battery", TestContext.Current.CancellationToken));

        await using var hash = database.DataSource.CreateCommand("SELECT password_hash FROM users WHERE id = @id");
        hash.Parameters.AddWithValue("id", created.Id);
        var stored = (string)(await hash.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        Assert.DoesNotContain("correct horse", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_are_unique_regardless_of_case_and_short_passwords_are_refused()
    {
        var name = "dup-" + Guid.NewGuid().ToString("N")[..8];
        await Store.AddAsync(name, "a long enough password", AnalystAccount.AnalystRole, false, null, TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<AccountException>(() => Store.AddAsync(name.ToUpperInvariant(), "another long password", AnalystAccount.AnalystRole, false, null, TestContext.Current.CancellationToken));
        var error = await Assert.ThrowsAsync<AccountException>(() => Store.AddAsync("short-" + name, "short", AnalystAccount.AnalystRole, false, null, TestContext.Current.CancellationToken));
        Assert.Contains("12 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_an_account_is_audited()
    {
        var account = await Store.AddAsync("audited-" + Guid.NewGuid().ToString("N")[..8], "a long enough password", AnalystAccount.AdminRole, true, null, TestContext.Current.CancellationToken);
        await using var audit = database.DataSource.CreateCommand("SELECT action, after->>'role' FROM audit_log WHERE entity = 'user' AND entity_id = @id");
        audit.Parameters.AddWithValue("id", account.Id);
        await using var reader = await audit.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        Assert.Equal("create", reader.GetString(0));
        Assert.Equal("admin", reader.GetString(1));
    }
}
