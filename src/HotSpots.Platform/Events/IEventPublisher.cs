using Microsoft.Extensions.DependencyInjection;

namespace HotSpots.Platform.Events;

/// <summary>Publishes "something happened" to in-process handlers. A handler that must survive a restart enqueues a job.</summary>
public interface IEventPublisher
{
    Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default) where TEvent : notnull;
}

/// <summary>Reacts to one kind of event. Registered in DI by the module that cares.</summary>
public interface IEventHandler<in TEvent>
{
    Task HandleAsync(TEvent @event, CancellationToken cancellationToken);
}

internal sealed class InProcessEventPublisher(IServiceScopeFactory scopes) : IEventPublisher
{
    public async Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default) where TEvent : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var handler in scope.ServiceProvider.GetServices<IEventHandler<TEvent>>())
            await handler.HandleAsync(@event, cancellationToken);
    }
}
