# Embeds migrations/*.sql into the binary, so `kassa` migrates wherever it runs.
file(GLOB KASSA_MIGRATION_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/migrations/*.sql)
set(KASSA_MIGRATIONS_CPP ${CMAKE_BINARY_DIR}/generated/embedded_migrations.cpp)
add_custom_command(
  OUTPUT ${KASSA_MIGRATIONS_CPP}
  COMMAND ${CMAKE_COMMAND} -DOUT=${KASSA_MIGRATIONS_CPP} -DDIR=${CMAKE_SOURCE_DIR}/migrations
          -P ${CMAKE_SOURCE_DIR}/cmake/write_migrations.cmake
  DEPENDS ${KASSA_MIGRATION_FILES} ${CMAKE_SOURCE_DIR}/cmake/write_migrations.cmake
  COMMENT "Embedding SQL migrations")
