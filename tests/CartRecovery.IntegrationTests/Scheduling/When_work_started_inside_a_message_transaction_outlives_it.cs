using CartRecovery.Persistence.Rows;
using CartRecovery.Scheduling;

namespace CartRecovery.IntegrationTests.Scheduling;

/// <summary>
/// Work started inside a message transaction (a task, a timer: the kill switch restarting a receive endpoint is one)
/// captures the execution context, and with it the transaction's timer buffer. Once the transaction ended, that work
/// must write its timers itself: a buffer no commit will flush would lose them (a durable redelivery, for one).
/// </summary>
public sealed class When_work_started_inside_a_message_transaction_outlives_it
{
    [Fact]
    public void Should_not_see_the_ended_transactions_timer_buffer()
    {
        var buffer = TimerWriteBuffer.Begin();
        var capturedInside = ExecutionContext.Capture()!;
        buffer.Close();

        TimerWriteBuffer? seenLater = buffer;
        ExecutionContext.Run(capturedInside, _ => seenLater = TimerWriteBuffer.Current, null);

        Assert.Null(seenLater);
    }

    [Fact]
    public async Task Should_see_the_buffer_while_the_transaction_is_open()
    {
        var buffer = TimerWriteBuffer.Begin();
        try
        {
            var seenInside = await Task.Run(() => TimerWriteBuffer.Current);
            Assert.Same(buffer, seenInside);
        }
        finally
        {
            buffer.Close();
        }

        Assert.Null(TimerWriteBuffer.Current);
    }

    [Fact]
    public void Should_refuse_a_write_once_the_transaction_has_taken_its_timers()
    {
        using var enlistment = new TimerTransactionParticipant().Enlist(transaction: null!);
        var buffer = TimerWriteBuffer.Current!;
        var capturedInside = ExecutionContext.Capture()!;

        enlistment.BeforeCommit(new PendingRowWrites());

        TimerWriteBuffer? seenDuringCommit = buffer;
        ExecutionContext.Run(capturedInside, _ => seenDuringCommit = TimerWriteBuffer.Current, null);
        Assert.Null(seenDuringCommit);
        Assert.False(buffer.TryAdd(b => b.Deletes.Add(Guid.NewGuid())));
        Assert.True(buffer.IsEmpty);
    }
}
