using CartRecovery.IntegrationTests.Infrastructure;
using CartRecovery.Persistence;
using CartRecovery.Persistence.Migrations;
using CartRecovery.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CartRecovery.IntegrationTests.Persistence;

/// <summary>Once the broker confirmed a message's outbox rows, they are deleted and its inbox row marked delivered,
/// outside its transaction and together with those of other messages; a write that fails leaves them to the sweeper.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_delivered_messages_are_forgotten(ServiceEndpoints services) : IAsyncLifetime
{
    private readonly Guid _consumerId = Guid.NewGuid();
    private readonly Guid[] _messageIds = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
    private NpgsqlDataSource _dataSource = null!;
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await services.CreateDatabase();
        _database = new TestDatabase(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        await new SchemaMigrator(_dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await using var dbContext = new JourneyDbContext(new DbContextOptionsBuilder<JourneyDbContext>().UseNpgsql(_dataSource).Options);
        foreach (var messageId in _messageIds)
        {
            dbContext.InboxStates.Add(new InboxState
            {
                MessageId = messageId, ConsumerId = _consumerId, LockId = Guid.NewGuid(), Received = DateTimeOffset.UtcNow,
                ReceiveCount = 1, Consumed = DateTimeOffset.UtcNow,
            });
            dbContext.OutboxMessages.Add(new OutboxMessage
            {
                InboxMessageId = messageId, InboxConsumerId = _consumerId, MessageId = Guid.NewGuid(), SentTime = DateTimeOffset.UtcNow,
                ContentType = "application/json", MessageType = "urn:message:Spec:Sent", Body = "{}",
            });
        }

        await dbContext.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    [Fact]
    public async Task Should_delete_their_outbox_rows_and_mark_them_delivered_by_the_time_it_is_disposed()
    {
        var forgotten = new DeliveredOutboxRows(_dataSource, NullLogger<DeliveredOutboxRows>.Instance);
        foreach (var messageId in _messageIds)
        {
            forgotten.Forget(messageId, _consumerId, DateTimeOffset.UtcNow);
        }

        await forgotten.DisposeAsync();

        Assert.Equal(0, await _database.Count("SELECT count(*) FROM outbox_message"));
        Assert.Equal(3, await _database.Count("SELECT count(*) FROM inbox_state WHERE delivered IS NOT NULL"));
    }

    [Fact]
    public async Task Should_leave_the_rows_to_the_sweeper_when_the_write_fails()
    {
        await using var unreachable = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=nobody;Timeout=2");
        var forgotten = new DeliveredOutboxRows(unreachable, NullLogger<DeliveredOutboxRows>.Instance);
        forgotten.Forget(_messageIds[0], _consumerId, DateTimeOffset.UtcNow);

        await forgotten.DisposeAsync();

        Assert.Equal(3, await _database.Count("SELECT count(*) FROM outbox_message"));
        Assert.Equal(0, await _database.Count("SELECT count(*) FROM inbox_state WHERE delivered IS NOT NULL"));
    }
}
