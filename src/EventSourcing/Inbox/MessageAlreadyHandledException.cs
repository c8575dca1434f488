namespace Outreach.EventSourcing;

/// <summary>Another delivery of the same message committed its effects first; this unit of work was rolled back.</summary>
public sealed class MessageAlreadyHandledException : Exception
{
    public MessageAlreadyHandledException(Guid messageId, string consumer)
        : base($"Message {messageId} was already handled by {consumer}.")
    {
        MessageId = messageId;
        Consumer = consumer;
    }

    public MessageAlreadyHandledException()
        : this(Guid.Empty, "")
    {
    }

    public MessageAlreadyHandledException(string message)
        : base(message)
    {
        Consumer = "";
    }

    public MessageAlreadyHandledException(string message, Exception innerException)
        : base(message, innerException)
    {
        Consumer = "";
    }

    public Guid MessageId { get; }

    public string Consumer { get; }
}
