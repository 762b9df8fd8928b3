file(REMOVE_RECURSE
  "CMakeFiles/parallax_python_files"
)

# Per-language clean rules from dependency scanning.
foreach(lang )
  include(CMakeFiles/parallax_python_files.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
