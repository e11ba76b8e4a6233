// Debian builds no libboost_url: compile Boost.URL's implementation once, here.
#include <boost/url/src.hpp>
