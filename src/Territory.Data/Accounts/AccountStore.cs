using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using Territory.Data.Audit;

namespace Territory.Data.Accounts;

/// <summary>Analyst accounts in PostGIS, passwords hashed with ASP.NET Core's <see cref="PasswordHasher{TUser}"/>.</summary>
public sealed class AccountStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>Shortest password accepted; there is no default password anywhere.</summary>
    public const int MinimumPasswordLength = 12;

    private const string InsertSql = """
        INSERT INTO users (name, password_hash, role, must_change_password, created_at, created_by)
        VALUES (@name, @hash, @role, @must_change, @at, @by)
        ON CONFLICT DO NOTHING
        RETURNING id
        """;

    private const string FindSql = "SELECT id, name, role, must_change_password, password_hash FROM users WHERE lower(name) = lower(@name) AND disabled_at IS NULL";
    private const string CountSql = "SELECT count(*) FROM users";
    private const string SetPasswordSql = "UPDATE users SET password_hash = @hash, must_change_password = @must_change WHERE id = @id";

    private static readonly PasswordHasher<AnalystAccount> Hasher = new();

    /// <summary>Creates an account; fails when the name is taken or the password too short.</summary>
    public async Task<AnalystAccount> AddAsync(string name, string password, string role, bool mustChangePassword, long? createdBy, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > 64 || name.Any(char.IsControl))
        {
            throw new AccountException("An account name must be 1 to 64 printable characters.");
        }

        if (role is not (AnalystAccount.AnalystRole or AnalystAccount.AdminRole))
        {
            throw new AccountException($"Unknown role '{role}': use '{AnalystAccount.AnalystRole}' or '{AnalystAccount.AdminRole}'.");
        }

        CheckPassword(password);
        var account = new AnalystAccount(0, name, role, mustChangePassword);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = new NpgsqlCommand(InsertSql, connection, transaction);
        insert.Parameters.AddWithValue("name", name);
        insert.Parameters.AddWithValue("hash", Hasher.HashPassword(account, password));
        insert.Parameters.AddWithValue("role", role);
        insert.Parameters.AddWithValue("must_change", mustChangePassword);
        insert.Parameters.AddWithValue("at", clock.GetUtcNow());
        insert.Parameters.AddWithValue("by", createdBy.HasValue ? createdBy.Value : DBNull.Value);
        if (await insert.ExecuteScalarAsync(cancellationToken) is not long id)
        {
            throw new AccountException($"An account named '{name}' already exists.");
        }

        account = account with { Id = id };
        await AuditLog.RecordAsync(connection, transaction, clock, createdBy, "create", "user", id, null, new { name, role }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return account;
    }

    /// <summary>The account when name and password match, otherwise null (no hint which one was wrong).</summary>
    public async Task<AnalystAccount?> VerifyAsync(string name, string password, CancellationToken cancellationToken = default)
    {
        await using var find = dataSource.CreateCommand(FindSql);
        find.Parameters.AddWithValue("name", name.Trim());
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            // Hash anyway so a missing name costs as long as a wrong password.
            Hasher.VerifyHashedPassword(new AnalystAccount(0, name, AnalystAccount.AnalystRole, false), DummyHash, password);
            return null;
        }

        var account = new AnalystAccount(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3));
        var result = Hasher.VerifyHashedPassword(account, reader.GetString(4), password);
        return result == PasswordVerificationResult.Failed ? null : account;
    }

    /// <summary>Replaces an account's password.</summary>
    public async Task SetPasswordAsync(long accountId, string password, bool mustChangePassword, CancellationToken cancellationToken = default)
    {
        CheckPassword(password);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var update = new NpgsqlCommand(SetPasswordSql, connection, transaction);
        update.Parameters.AddWithValue("id", accountId);
        update.Parameters.AddWithValue("hash", Hasher.HashPassword(new AnalystAccount(accountId, string.Empty, AnalystAccount.AnalystRole, false), password));
        update.Parameters.AddWithValue("must_change", mustChangePassword);
        await update.ExecuteNonQueryAsync(cancellationToken);
        await AuditLog.RecordAsync(connection, transaction, clock, accountId, "set_password", "user", accountId, null, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Number of accounts, to tell a first start.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var count = dataSource.CreateCommand(CountSql);
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>A random password for a generated first account: 20 characters, about 115 bits.</summary>
    public static string GeneratePassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);

    private static void CheckPassword(string password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumPasswordLength)
        {
            throw new AccountException($"A password needs at least {MinimumPasswordLength} characters.");
        }
    }

    private static readonly string DummyHash = Hasher.HashPassword(new AnalystAccount(0, "-", AnalystAccount.AnalystRole, false), GeneratePassword());
}
