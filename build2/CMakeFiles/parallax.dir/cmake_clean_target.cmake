file(REMOVE_RECURSE
  "libparallax.a"
)
