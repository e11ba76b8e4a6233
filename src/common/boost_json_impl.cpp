// Debian builds no libboost_json: compile Boost.JSON's implementation once, here.
#include <boost/json/src.hpp>
