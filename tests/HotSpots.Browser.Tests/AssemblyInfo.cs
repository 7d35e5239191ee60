// Each browser test runs a whole app and a Chromium: on a small machine they run one at a time, not side by side.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
