using System.Runtime.CompilerServices;

namespace Outreach.Dashboard.DeadLetters;

/// <summary>
/// <c>options.BrokerQueueCatalog = …</c>: how the host hands the dashboard its queue lister. An extension property
/// because DashboardOptions belongs to another slice; if it gains a real property of that name, callers compile
/// unchanged and this file can go.
/// </summary>
public static class BrokerQueueCatalogOption
{
    private static readonly ConditionalWeakTable<DashboardOptions, IBrokerQueueCatalog> Catalogs = [];

    extension(DashboardOptions options)
    {
        /// <summary>Lists the broker's queues for the dead-letter page; without one the page says it cannot list them.</summary>
        public IBrokerQueueCatalog? BrokerQueueCatalog
        {
            get => Catalogs.TryGetValue(options, out var catalog) ? catalog : null;
            set
            {
                if (value is null)
                {
                    Catalogs.Remove(options);
                }
                else
                {
                    Catalogs.AddOrUpdate(options, value);
                }
            }
        }
    }
}
