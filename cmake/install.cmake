# `cmake --install BUILD --prefix PREFIX` installs the statecraft command, the libraries with
# their headers, and a CMake package, so that another project can use the engine with
# find_package(statecraft) (examples/cpp is such a project, built against an install by a test).
include(CMakePackageConfigHelpers)

set(statecraft_package_dir ${CMAKE_INSTALL_LIBDIR}/cmake/statecraft)
set_target_properties(statecraft_engine PROPERTIES EXPORT_NAME engine)
set_target_properties(statecraft_io PROPERTIES EXPORT_NAME io)
set_target_properties(statecraft_store PROPERTIES EXPORT_NAME store)
set_target_properties(statecraft_report PROPERTIES EXPORT_NAME report)
set_target_properties(statecraft_app PROPERTIES EXPORT_NAME app)

install(TARGETS statecraft_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS statecraft_engine statecraft_io statecraft_store statecraft_report statecraft_app
  EXPORT statecraftTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# The public headers; the MPI distributor is part of the command only.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/statecraft/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/statecraft
  FILES_MATCHING PATTERN "*.h"
  PATTERN "distributed" EXCLUDE)
install(EXPORT statecraftTargets NAMESPACE statecraft:: DESTINATION ${statecraft_package_dir})

configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/statecraftConfig.cmake.in
  ${PROJECT_BINARY_DIR}/statecraftConfig.cmake INSTALL_DESTINATION ${statecraft_package_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/statecraftConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/statecraftConfig.cmake
  ${PROJECT_BINARY_DIR}/statecraftConfigVersion.cmake DESTINATION ${statecraft_package_dir})
