#!/usr/bin/env bash
# Adds a migration NAME to every module's DbContext, for both SQLite and PostgreSQL.
# usage: tools/add-migration.sh NAME [Module …]   (modules: Platform Ingestion Hotspots Workforce Tasking Patrols Accounts)
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: tools/add-migration.sh NAME [Module …]}
shift
modules=("${@:-Platform Ingestion Hotspots Workforce Tasking Patrols Accounts}")
dotnet tool restore >/dev/null
dotnet build src/HotSpots.Web -v q -nologo >/dev/null
for module in ${modules[*]}; do
  # Accounts (Identity and OpenIddict tables) belongs to the Workforce module, with its own migrations history.
  if [ "$module" = Accounts ]; then project=src/Modules/Workforce; dir=Accounts/Data/Migrations
  elif [ "$module" = Platform ]; then project=src/HotSpots.Platform; dir=Data/Migrations
  else project=src/Modules/$module; dir=Data/Migrations; fi
  for provider in Sqlite Postgres; do
    echo "== $module $provider"
    dotnet ef migrations add "$name" --no-build --project "$project" --startup-project src/HotSpots.Web \
      --context "${module}${provider}Context" --output-dir "$dir/$provider"
  done
  # Generated migrations are implementation details of the module: keep them internal (EF finds internal types).
  sed -i 's/^    public partial class /    internal partial class /' "$project/$dir"/*/*.cs
done
