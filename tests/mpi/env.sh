# Sourced by tests/cli/mpi*.sh with "$1" the parallax binary and "$2" the
# source folder: sets px, src, mpx (parallax-mpi) and tmp (a fresh folder the
# script removes), skips (exit 77) when MPI is absent, and sets the
# environment Open MPI needs on one machine as root; defines ref_ingest.
px=$1
src=$2
mpx=$(dirname "$px")/parallax-mpi
if [ ! -x "$mpx" ] || ! command -v mpirun > /dev/null; then
  echo "SKIP: MPI not found (parallax-mpi not built or no mpirun); apt-get install openmpi-bin libopenmpi-dev"
  exit 77
fi
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl=self,vader \
  OMPI_MCA_rmaps_base_oversubscribe=1 OMPI_MCA_btl_vader_single_copy_mechanism=none \
  OMPI_MCA_mca_base_component_disable_dlclose=1
# Loopback only: the ranks talk through shared memory (btl self,vader) and the
# launcher's own connections (oob tcp) are made to 127.0.0.1 only.
export OMPI_MCA_oob_tcp_if_include=lo PMIX_MCA_ptl_tcp_if_include=lo
# In a sanitizer build: what Open MPI keeps until exit is not parallax's leak.
export LSAN_OPTIONS="suppressions=$2/tests/mpi/lsan.supp:print_suppressions=0:fast_unwind_on_malloc=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
tmp=$(mktemp -d)
# ref_ingest ARGS...: the single-process reference store, checked (through the
# script's own check): exit 0, or
# 3 when the input holds bad records (ref_expect=N: that status, as for a
# missing file); no sanitizer report on stderr.
ref_ingest() {
  local rc=0
  "$px" ingest "$@" > /dev/null 2> "$tmp/ref.err" || rc=$?
  local want="0 or 3"
  [[ -n ${ref_expect:-} ]] && want=$ref_expect
  check "reference ingest (${*: -1}): exit $want ($rc), no sanitizer report" \
    bash -c '[[ " ${2//or/} " == *" $0 "* ]] && ! grep -q "Sanitizer\|runtime error" "$1"' "$rc" "$tmp/ref.err" "$want"
}
