namespace IntegrationHub.Routing.Assignment;

/// <summary>A rep's status; a rep never heard from is Offline.</summary>
public enum PresenceStatus
{
    Offline,
    Available,
    Away,
}

/// <summary>Where the engine reads reps' current status from (the hub's state store).</summary>
public interface IRepPresence
{
    Task<IReadOnlyDictionary<string, PresenceStatus>> GetAllAsync(CancellationToken cancellationToken);
}
